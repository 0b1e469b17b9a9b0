package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.SinFit;
import static dev.djlfit.torch.Pow.pow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyRandom;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.optim.SGD;

import java.util.Map;
import java.util.Optional;

/**
 * examples_nn/dynamic_net.py: a cubic plus e·x⁴ (and e·x⁵) on a random number of forwards,
 * Python's {@code random.randint(4, 6)} drawn as CPython draws it ({@link PyRandom}).
 */
final class DynamicNet implements Program {

    static final class Net extends Module {
        private final PyRandom random;
        private final NDArray a;
        private final NDArray b;
        private final NDArray c;
        private final NDArray d;
        private final NDArray e;

        Net(NDManager m, PyRandom random) {
            this.random = random;
            a = registerParameter("a", Torch.randn(m));
            b = registerParameter("b", Torch.randn(m));
            c = registerParameter("c", Torch.randn(m));
            d = registerParameter("d", Torch.randn(m));
            e = registerParameter("e", Torch.randn(m));
        }

        @Override
        public NDArray forward(NDArray x) {
            NDArray y = a.add(b.mul(x)).add(c.mul(pow(x, 2))).add(d.mul(pow(x, 3)));
            int end = random.randint(4, 6);
            for (int exp = 4; exp < end; exp++) {
                y = y.add(e.mul(pow(x, exp)));
            }
            return y;
        }

        String string() {
            String e = Results.item(this.e);
            return Results.cubicString(a, b, c, d) + " + " + e + " x^4 ? + " + e + " x^5 ?";
        }
    }

    @Override
    public String name() {
        return "dynamic-net";
    }

    @Override
    public String original() {
        return "beginner_source/examples_nn/dynamic_net.py";
    }

    @Override
    public int defaultSteps() {
        return 30000;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            Net model = new Net(m, new PyRandom(run.seed()));

            try (MSELoss criterion = new MSELoss(Reduction.SUM);
                    SGD optimizer = new SGD(model.parameters(), 1e-8, 0.9)) {
                run.loop(model.namedParameters(), t -> {
                    NDArray yPred = model.forward(x);

                    NDArray loss = criterion.forward(yPred, y);
                    if (t % 2000 == 1999) {
                        run.printLoss(t, Torch.item(loss));
                    }

                    optimizer.zeroGrad();
                    Torch.backward(loss);
                    optimizer.step();
                });
            }

            run.result(model.namedParameters(), "Result: " + model.string());
        }
    }

    /** The forward's expectation over the draws: randint(4, 6) adds no term, x⁴, or x⁴ and x⁵. */
    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        double a = p.get("a").get(0);
        double b = p.get("b").get(0);
        double c = p.get("c").get(0);
        double d = p.get("d").get(0);
        double e = p.get("e").get(0);
        return Optional.of(SinFitEvaluation.evaluate(new SinFit(
                "a + b x + c x^2 + d x^3 + e (2 x^4 + x^5) / 3, the mean over the draws",
                x -> a + b * x + c * x * x + d * x * x * x + e * (2 * Math.pow(x, 4) + Math.pow(x, 5)) / 3)));
    }
}
