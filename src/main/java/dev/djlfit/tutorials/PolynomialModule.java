package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import static dev.djlfit.torch.Pow.pow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.optim.SGD;

import java.util.Map;
import java.util.Optional;

/** examples_nn/polynomial_module.py: the cubic as a custom Module with parameters a, b, c, d. */
final class PolynomialModule implements Program {

    static final class Polynomial3 extends Module {
        private final NDArray a;
        private final NDArray b;
        private final NDArray c;
        private final NDArray d;

        Polynomial3(NDManager m) {
            a = registerParameter("a", Torch.randn(m));
            b = registerParameter("b", Torch.randn(m));
            c = registerParameter("c", Torch.randn(m));
            d = registerParameter("d", Torch.randn(m));
        }

        @Override
        public NDArray forward(NDArray x) {
            return a.add(b.mul(x)).add(c.mul(pow(x, 2))).add(d.mul(pow(x, 3)));
        }

        String string() {
            return Results.cubicString(a, b, c, d);
        }
    }

    @Override
    public String name() {
        return "polynomial-module";
    }

    @Override
    public String original() {
        return "beginner_source/examples_nn/polynomial_module.py";
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            Polynomial3 model = new Polynomial3(m);

            try (MSELoss criterion = new MSELoss(Reduction.SUM);
                    SGD optimizer = new SGD(model.parameters(), 1e-6)) {
                run.loop(model.namedParameters(), t -> {
                    NDArray yPred = model.forward(x);

                    NDArray loss = criterion.forward(yPred, y);
                    if (t % 100 == 99) {
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

    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        return Optional.of(SinFitEvaluation.evaluate(Results.cubicFit(p)));
    }
}
