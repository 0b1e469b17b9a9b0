package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.optim.Adam;
import dev.djlfit.torch.optim.Optimizer;
import dev.djlfit.torch.optim.RMSprop;
import dev.djlfit.torch.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer, with its defaults and with every option set, against torch.optim in PyTorch
 * 1.13: the same Linear(3, 2) from the same values, the same data, 6 steps, parameters compared
 * after every step, to 1e-6 of the largest parameter (an element that passes near zero keeps
 * the rounding of the others' scale; libtorch 2.5.1 and PyTorch 1.13 round differently).
 */
@Tag("external")
class OptimizerParityTest {

    private static final int STEPS = 6;
    private static final double RELATIVE = 1e-6;

    private record Case(String python, Function<List<NDArray>, Optimizer> java) {}

    private static final List<Case> CASES = List.of(
            new Case("torch.optim.SGD(p, lr=0.01)", p -> new SGD(p, 0.01)),
            new Case("torch.optim.SGD(p, lr=0.01, momentum=0.9)", p -> new SGD(p, 0.01, 0.9)),
            new Case("torch.optim.SGD(p, lr=0.01, momentum=0.9, dampening=0.1, weight_decay=0.01)",
                    p -> new SGD(p, 0.01, 0.9, 0.1, 0.01, false)),
            new Case("torch.optim.SGD(p, lr=0.01, momentum=0.8, nesterov=True, weight_decay=0.05)",
                    p -> new SGD(p, 0.01, 0.8, 0, 0.05, true)),
            new Case("torch.optim.Adam(p)", p -> new Adam(p)),
            new Case("torch.optim.Adam(p, lr=0.02)", p -> new Adam(p, 0.02)),
            new Case("torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, amsgrad=True)",
                    p -> new Adam(p, 0.02, 0.8, 0.99, 1e-6, 0.1, true)),
            new Case("torch.optim.RMSprop(p)", p -> new RMSprop(p)),
            new Case("torch.optim.RMSprop(p, lr=1e-3)", p -> new RMSprop(p, 1e-3)),
            new Case("torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True)",
                    p -> new RMSprop(p, 0.01, 0.9, 1e-6, 0.1, 0.5, true)));

    @Test
    void everyOptimizerFollowsTorchOptimStepByStep() {
        Random random = new Random(11);
        float[] weight = floats(random, 6);
        float[] bias = floats(random, 2);
        float[] x = floats(random, 15);
        float[] y = floats(random, 10);

        StringBuilder program = new StringBuilder("import torch\n")
                .append("x = torch.tensor(").append(list(x)).append(").reshape(5, 3)\n")
                .append("y = torch.tensor(").append(list(y)).append(").reshape(5, 2)\n");
        for (Case c : CASES) {
            program.append("m = torch.nn.Linear(3, 2)\n")
                    .append("with torch.no_grad():\n")
                    .append("    m.weight.copy_(torch.tensor(").append(list(weight)).append(").reshape(2, 3))\n")
                    .append("    m.bias.copy_(torch.tensor(").append(list(bias)).append("))\n")
                    .append("p = list(m.parameters())\n")
                    .append("opt = ").append(c.python()).append("\n")
                    .append("loss_fn = torch.nn.MSELoss(reduction='sum')\n")
                    .append("for _ in range(").append(STEPS).append("):\n")
                    .append("    loss = loss_fn(m(x), y)\n")
                    .append("    loss.backward()\n")
                    .append("    opt.step()\n")
                    .append("    opt.zero_grad()\n")
                    .append("    print(' '.join(repr(v) for t in p for v in t.detach().reshape(-1).tolist()))\n");
        }
        List<String> python = TorchPython.run(program.toString());

        List<double[]> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            NDArray xs = manager.create(x, new Shape(5, 3));
            NDArray ys = manager.create(y, new Shape(5, 2));
            for (Case c : CASES) {
                Linear m = new Linear(manager.create(weight, new Shape(2, 3)), manager.create(bias));
                MSELoss lossFn = new MSELoss(Reduction.SUM);
                try (Optimizer opt = c.java().apply(m.parameters())) {
                    for (int i = 0; i < STEPS; i++) {
                        Torch.step(() -> {
                            NDArray loss = lossFn.forward(m.forward(xs), ys);
                            Torch.backward(loss);
                            opt.step();
                            opt.zeroGrad();
                        });
                        java.add(values(m));
                    }
                }
            }
        }
        assertEquals(python.size(), java.size());
        for (int line = 0; line < java.size(); line++) {
            double[] want = TorchPython.numbers(python.get(line));
            double[] got = java.get(line);
            Case c = CASES.get(line / STEPS);
            double scale = 0;
            for (double w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], RELATIVE * scale,
                        c.python() + ", step " + (line % STEPS + 1) + ", element " + i);
            }
        }
    }

    private static double[] values(Linear m) {
        List<Double> out = new ArrayList<>();
        for (NDArray p : m.parameters()) {
            for (float v : p.toFloatArray()) {
                out.add((double) v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static float[] floats(Random random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (random.nextGaussian() * 0.7);
        }
        return out;
    }

    private static String list(float[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(PyFormat.repr(values[i]));
        }
        return out.append("]").toString();
    }
}
