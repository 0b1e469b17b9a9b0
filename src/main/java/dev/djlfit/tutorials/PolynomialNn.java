package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.nn.Sequential;

import java.util.Map;
import java.util.Optional;

/** examples_nn/polynomial_nn.py: the cubic as Linear(3, 1) on (x, x², x³), updated by hand. */
final class PolynomialNn implements Program {

    @Override
    public String name() {
        return "polynomial-nn";
    }

    @Override
    public String original() {
        return "beginner_source/examples_nn/polynomial_nn.py";
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            NDArray p = Torch.tensor(m, 1, 2, 3);
            NDArray xx = x.expandDims(-1).pow(p);

            Sequential model = new Sequential(
                    new Linear(m, 3, 1),
                    new Flatten(0, 1));

            try (MSELoss lossFn = new MSELoss(Reduction.SUM)) {
                NDArray learningRate = Torch.scalar(m, 1e-6f);
                run.loop(model.namedParameters(), t -> {
                    NDArray yPred = model.forward(xx);

                    NDArray loss = lossFn.forward(yPred, y);
                    if (t % 100 == 99) {
                        run.printLoss(t, Torch.item(loss));
                    }

                    model.zeroGrad();

                    Torch.backward(loss);

                    try (GradMode noGrad = Torch.noGrad()) {
                        for (NDArray param : model.parameters()) {
                            param.subi(learningRate.mul(Torch.grad(param)));
                        }
                    }
                });
            }

            Linear linearLayer = model.get(0);
            run.result(model.namedParameters(), Results.linear(linearLayer));
        }
    }

    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        return Optional.of(SinFitEvaluation.evaluate(Results.linearFit(p)));
    }
}
