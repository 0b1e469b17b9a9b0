package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import static dev.djlfit.torch.Pow.pow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.Map;
import java.util.Optional;

/**
 * examples_autograd/polynomial_autograd.py (its newest stored version, which first prints the
 * device): the cubic, its gradients by autograd.
 */
final class PolynomialAutograd implements Program {

    @Override
    public String name() {
        return "polynomial-autograd";
    }

    @Override
    public String original() {
        return "beginner_source/examples_autograd/polynomial_autograd.py";
    }

    @Override
    public void run(Harness run) {
        run.print("Using cpu device");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            NDArray a = Torch.requiresGrad(Torch.randn(m));
            NDArray b = Torch.requiresGrad(Torch.randn(m));
            NDArray c = Torch.requiresGrad(Torch.randn(m));
            NDArray d = Torch.requiresGrad(Torch.randn(m));

            NDArray learningRate = Torch.scalar(m, 1e-6f);
            run.loop(Harness.named("a b c d", a, b, c, d), t -> {
                NDArray yPred = a.add(b.mul(x)).add(c.mul(pow(x, 2))).add(d.mul(pow(x, 3)));

                NDArray loss = yPred.sub(y).square().sum();
                if (t % 100 == 99) {
                    run.printLoss(t, Torch.item(loss));
                }

                Torch.backward(loss);

                try (GradMode noGrad = Torch.noGrad()) {
                    a.subi(learningRate.mul(Torch.grad(a)));
                    b.subi(learningRate.mul(Torch.grad(b)));
                    c.subi(learningRate.mul(Torch.grad(c)));
                    d.subi(learningRate.mul(Torch.grad(d)));
                    for (NDArray p : new NDArray[] {a, b, c, d}) {
                        Torch.zeroGrad(p); // a.grad = None: the next backward starts from nothing either way
                    }
                }
            });

            run.result(Harness.named("a b c d", a, b, c, d), Results.cubic(a, b, c, d));
        }
    }

    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        return Optional.of(SinFitEvaluation.evaluate(Results.cubicFit(p)));
    }
}
