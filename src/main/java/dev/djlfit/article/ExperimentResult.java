package dev.djlfit.article;

import dev.djlfit.article.data.Scaling;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.torch.TensorValues;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one experiment computed; the report prints it, the JSON holds it, tests assert on it.
 *
 * @param spec what ran
 * @param config how it was trained
 * @param device where it ran, e.g. {@code cpu()}
 * @param initialParameters {@code fit.parameters()} before training
 * @param initialPrediction {@code fit(torch.FloatTensor([1]))} before training
 * @param training the loss curve and loop time
 * @param finalParameters {@code fit.parameters()} after training
 * @param finalLoss MSE of the trained net on the training data
 * @param finalPrediction {@code fit(x)} on the training inputs
 * @param newPrediction {@code fit(torch.FloatTensor([[2.5], [10]]))}
 * @param curve the trained net over {@link dev.djlfit.extrapolation.Extrapolation#curve()} ({@link dev.djlfit.extrapolation.Extrapolation#ARTICLE_CURVE} for the article), for plots
 * @param extrapolationOrNull the trained net against the truth, where the truth is known
 * @param equivalentLineOrNull the line a purely linear net collapses to, else null
 * @param wallNanos the whole experiment, set-up and evaluation included
 * @param scaling how inputs and outputs were standardised for training (identity unless
 *     {@code --normalize}); every prediction above is already in the data's own units
 */
public record ExperimentResult(
        ExperimentSpec spec,
        TrainingSettings config,
        String device,
        Map<String, TensorValues> initialParameters,
        Prediction initialPrediction,
        LoopOutcome training,
        Map<String, TensorValues> finalParameters,
        double finalLoss,
        Prediction finalPrediction,
        Prediction newPrediction,
        Prediction curve,
        ExtrapolationReport extrapolationOrNull,
        EquivalentLine equivalentLineOrNull,
        long wallNanos,
        Scaling scaling) {

    public ExperimentResult {
        initialParameters = ordered(initialParameters);
        finalParameters = ordered(finalParameters);
        if (scaling == null) {
            scaling = Scaling.IDENTITY;
        }
    }

    /** An unmodifiable copy that keeps PyTorch's parameter order. */
    private static Map<String, TensorValues> ordered(Map<String, TensorValues> parameters) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Optional<ExtrapolationReport> extrapolation() {
        return Optional.ofNullable(extrapolationOrNull);
    }

    public Optional<EquivalentLine> equivalentLine() {
        return Optional.ofNullable(equivalentLineOrNull);
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
