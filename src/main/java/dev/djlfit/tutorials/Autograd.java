package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.BCEWithLogitsLoss;

/**
 * basics/autogradqs_tutorial.py: a one-layer net's {@code grad_fn}s, the gradients of
 * {@code binary_cross_entropy_with_logits} in {@code w.grad} and {@code b.grad}, gradient tracking
 * turned off by {@code no_grad} and {@code detach}, and a Jacobian-vector product whose gradients
 * accumulate across {@code backward(retain_graph=True)} calls until zeroed.
 */
final class Autograd implements Program {

    @Override
    public String name() {
        return "autograd";
    }

    @Override
    public String original() {
        return "beginner_source/basics/autogradqs_tutorial.py";
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = Torch.ones(m, 5);
            NDArray y = Torch.zeros(m, 3);
            NDArray w = Torch.requiresGrad(Torch.randn(m, 5, 3));
            NDArray b = Torch.requiresGrad(Torch.randn(m, 3));
            NDArray z = x.matMul(w).add(b);
            NDArray loss = BCEWithLogitsLoss.binaryCrossEntropyWithLogits(z, y);

            run.print(PyFormat.format("Gradient function for z = {}", gradFn(z)));
            run.print(PyFormat.format("Gradient function for loss = {}", gradFn(loss)));
            run.loaded(Harness.named("w b", w, b));

            Torch.backward(loss);
            run.print(Torch.grad(w));
            run.print(Torch.grad(b));

            z = x.matMul(w).add(b);
            run.print(Torch.requiresGradOf(z));

            try (GradMode noGrad = Torch.noGrad()) {
                z = x.matMul(w).add(b);
            }
            run.print(Torch.requiresGradOf(z));

            z = x.matMul(w).add(b);
            NDArray zDet = Torch.detach(z);
            run.print(Torch.requiresGradOf(zDet));

            NDArray inp = Torch.requiresGrad(m.eye(4, 5, 0, DataType.FLOAT32));
            NDArray out = inp.add(1f).pow(2f).transpose();
            Torch.backward(out, out.onesLike(), true);
            run.print(PyFormat.format("First call\n{}", Torch.grad(inp)));
            Torch.backward(out, out.onesLike(), true);
            run.print(PyFormat.format("\nSecond call\n{}", Torch.grad(inp)));
            Torch.zeroGrad(inp);
            Torch.backward(out, out.onesLike(), true);
            run.last(PyFormat.format("\nCall after zeroing gradients\n{}", Torch.grad(inp)));
        }
    }

    /**
     * {@code str(t.grad_fn)}: {@code <AddBackward0 object at 0x...>}, the address being the Java
     * object's identity where Python prints the node's; {@code None} for a leaf.
     */
    static String gradFn(NDArray t) {
        String name = Torch.gradFnName(t);
        return name.isEmpty() ? "None"
                : "<" + name + " object at 0x" + Integer.toHexString(System.identityHashCode(t)) + ">";
    }
}
