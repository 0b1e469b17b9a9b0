package dev.djlfit.article;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.article.data.Scaling;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.FittedFunction;
import dev.djlfit.torch.EngineDefaults;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;

import java.util.Map;

/**
 * Runs one experiment the way the article's script runs: build the net, print-worthy initial
 * state, train, then predict on the training inputs and on new ones. Returns everything as an
 * {@link ExperimentResult}; prints nothing.
 */
public final class ExperimentRunner {

    static {
        EngineDefaults.ensure();
    }

    public static final int CURVE_POINTS = 241;

    private final Device device;
    private final Extrapolation extrapolation;

    public ExperimentRunner(Device device, Extrapolation extrapolation) {
        this.device = device;
        this.extrapolation = extrapolation;
    }

    public ExperimentRunner(Device device) {
        this(device, Extrapolation.article());
    }

    public ExperimentResult run(ExperimentSpec spec, TrainingSettings config, TrainingObserver listener) {
        long start = System.nanoTime();
        DataPoints data = spec.data();
        Scaling scaling = Scaling.of(data, config.normalize());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NNet fit = Nets.initialise(manager, spec.architecture(), config.seed());
            Map<String, TensorValues> initialParameters = fit.stateDict();
            Prediction initialPrediction = predict(fit, manager, scaling, TensorValues.vector(1f));

            NDArray x = manager.create(scaling.scaleX(data.x()), new Shape(data.size(), 1));
            NDArray y = manager.create(scaling.scaleY(data.y()), new Shape(data.size(), 1));
            LoopOutcome training = Article.train(fit, x, y, config, listener);

            Prediction finalPrediction = predict(fit, manager, scaling, TensorValues.column(data.x()));
            Prediction newPrediction =
                    predict(fit, manager, scaling, TensorValues.column(extrapolation.probes()));
            double finalLoss = MSELoss.mean(finalPrediction.y().values(), data.y());
            FittedFunction predictor = xs -> predict(fit, manager, scaling, TensorValues.column(xs)).y().values();
            ExtrapolationReport report =
                    data.truth().map(truth -> extrapolation.evaluate(truth, predictor)).orElse(null);
            Prediction curve = predict(fit, manager, scaling,
                    TensorValues.column(extrapolation.curve().grid(CURVE_POINTS)));
            Map<String, TensorValues> finalParameters = fit.stateDict();
            EquivalentLine line = spec.architecture().activation().isEmpty()
                    ? inDataUnits(EquivalentLine.of(spec.architecture(), finalParameters), scaling)
                    : null;
            return new ExperimentResult(
                    spec,
                    config,
                    device.toString(),
                    initialParameters,
                    initialPrediction,
                    training,
                    finalParameters,
                    finalLoss,
                    finalPrediction,
                    newPrediction,
                    curve,
                    report,
                    line,
                    System.nanoTime() - start,
                    scaling);
        }
    }

    /** The line y = a·x' + b on standardised x', y' as a line in the data's units. */
    static EquivalentLine inDataUnits(EquivalentLine scaled, Scaling scaling) {
        if (scaling.isIdentity()) {
            return scaled;
        }
        double slope = scaling.yScale() * scaled.slope() / scaling.xScale();
        double intercept = scaling.yScale() * (scaled.intercept() - scaled.slope() * scaling.xMean() / scaling.xScale())
                + scaling.yMean();
        return new EquivalentLine(slope, intercept);
    }

    /** {@code y = fit(x)} in the data's own units: x scaled in, y scaled back out. */
    public static Prediction predict(NNet fit, NDManager manager, Scaling scaling, TensorValues input) {
        if (scaling.isIdentity()) {
            return predict(fit, manager, input);
        }
        TensorValues scaled = new TensorValues(input.shape(), scaling.scaleX(input.values()));
        Prediction inScaledUnits = predict(fit, manager, scaled);
        TensorValues output = inScaledUnits.y();
        String gradFn = inScaledUnits.gradFn();
        return new Prediction(input, new TensorValues(output.shape(), scaling.unscaleY(output.values())), gradFn);
    }

    /** {@code y = fit(x)} under {@code torch.no_grad()}, every temporary freed. */

    /**
     * {@code y = fit(x)} with autograd recording, as in the article's script (so the output names
     * its {@code grad_fn}); every temporary is freed.
     */
    static Prediction predict(NNet fit, NDManager manager, TensorValues input) {
        try (NDManager scope = manager.newSubManager();
                GradMode grad = Torch.enableGrad()) {
            NDArray x = scope.create(input.values(), new Shape(input.shape()));
            NDArray y = fit.forward(x);
            return new Prediction(input, TensorValues.of(y), Torch.gradFnName(y));
        }
    }
}
