package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.nn.Sequential;
import dev.djlfit.torch.optim.RMSprop;

import java.util.Map;
import java.util.Optional;

/** examples_nn/polynomial_optim.py, with RMSprop at lr 1e-3 (issue 11): polynomial-nn with an optimizer. */
final class PolynomialOptim implements Program {

    @Override
    public String name() {
        return "polynomial-optim";
    }

    @Override
    public String original() {
        return "beginner_source/examples_nn/polynomial_optim.py";
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

            double learningRate = 1e-3;
            try (MSELoss lossFn = new MSELoss(Reduction.SUM);
                    RMSprop optimizer = new RMSprop(model.parameters(), learningRate)) {
                run.loop(model.namedParameters(), t -> {
                    NDArray yPred = model.forward(xx);

                    NDArray loss = lossFn.forward(yPred, y);
                    if (t % 100 == 99) {
                        run.printLoss(t, Torch.item(loss));
                    }

                    optimizer.zeroGrad();

                    Torch.backward(loss);

                    optimizer.step();
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
