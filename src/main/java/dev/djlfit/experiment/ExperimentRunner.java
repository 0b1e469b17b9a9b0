package dev.djlfit.experiment;

import dev.djlfit.OfflineEngine;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.data.Dataset;
import dev.djlfit.evaluation.EquivalentLine;
import dev.djlfit.evaluation.Extrapolation;
import dev.djlfit.evaluation.ExtrapolationReport;
import dev.djlfit.evaluation.Predictor;
import dev.djlfit.evaluation.Range;
import dev.djlfit.model.Net;
import dev.djlfit.model.TensorValues;
import dev.djlfit.training.Autograd;
import dev.djlfit.training.MseLoss;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;
import dev.djlfit.training.TrainingRun;

import java.util.Map;

/**
 * Runs one experiment the way the article's script runs: build the net, print-worthy initial
 * state, train, then predict on the training inputs and on new ones. Returns everything as an
 * {@link ExperimentResult}; prints nothing.
 */
public final class ExperimentRunner {

    static {
        OfflineEngine.ensure();
    }

    /** The learned function is sampled over this range, wide enough to show 2.5 and 10. */
    public static final Range CURVE = new Range(-1, 11, true);

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

    public ExperimentResult run(ExperimentSpec spec, TrainingConfig config, TrainingListener listener) {
        long start = System.nanoTime();
        Dataset data = spec.data();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Net fit = Net.initialise(manager, spec.architecture(), config.seed());
            Map<String, TensorValues> initialParameters = fit.snapshot();
            Prediction initialPrediction = predict(fit, manager, TensorValues.vector(1f));

            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            TrainingRun training = config.backward().train(fit, x, y, config, listener);

            Prediction finalPrediction = predict(fit, manager, TensorValues.column(data.x()));
            Prediction newPrediction = predict(fit, manager, TensorValues.column(extrapolation.probes()));
            double finalLoss = MseLoss.of(finalPrediction.y().values(), data.y());
            Predictor predictor = xs -> predict(fit, manager, TensorValues.column(xs)).y().values();
            ExtrapolationReport report =
                    data.truth().map(truth -> extrapolation.evaluate(truth, predictor)).orElse(null);
            Prediction curve = predict(fit, manager, TensorValues.column(CURVE.grid(CURVE_POINTS)));
            Map<String, TensorValues> finalParameters = fit.snapshot();
            EquivalentLine line = spec.architecture().activation().isEmpty()
                    ? EquivalentLine.of(spec.architecture(), finalParameters)
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
                    System.nanoTime() - start);
        }
    }

    /**
     * {@code y = fit(x)} with autograd recording, as in the article's script (so the output names
     * its {@code grad_fn}); every temporary is freed.
     */
    static Prediction predict(Net fit, NDManager manager, TensorValues input) {
        try (NDManager scope = manager.newSubManager();
                Autograd.Mode grad = Autograd.enableGrad()) {
            NDArray x = scope.create(input.values(), new Shape(input.shape()));
            NDArray y = fit.forward(x);
            return new Prediction(input, TensorValues.of(y), Autograd.gradFnName(y));
        }
    }
}
