package dev.djlfit.sweep;

import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.article.TrainingSettings;

import java.util.List;

/**
 * A whole sweep: what was asked and what every configuration gave.
 *
 * @param data the training points
 * @param config steps and learning rate (its seed is the first seed)
 * @param fitThreshold a net "fits" when its final loss is below this
 * @param extrapolation where the nets were scored: the probes (the article's 2.5 and 10) and the
 *     interpolation and extrapolation ranges of the RMSEs
 * @param truthAtProbes the true function there (NaN where unknown)
 * @param curveX the x grid of every {@link SeedOutcome#curve()}
 * @param configurations one result per configuration, in grid order
 * @param threads worker threads used
 * @param wallNanos the whole sweep, after the engine's warm-up
 * @param warmUpNanos the warm-up before it (not counted in any configuration's time)
 */
public record SweepResult(
        DataPoints data,
        TrainingSettings config,
        double fitThreshold,
        Extrapolation extrapolation,
        double[] truthAtProbes,
        float[] curveX,
        List<ConfigurationResult> configurations,
        int threads,
        long wallNanos,
        long warmUpNanos) {

    public SweepResult {
        truthAtProbes = truthAtProbes.clone();
        curveX = curveX.clone();
        configurations = List.copyOf(configurations);
    }

    /** The x of the probe predictions. */
    public float[] probes() {
        return extrapolation.probes();
    }

    @Override
    public double[] truthAtProbes() {
        return truthAtProbes.clone();
    }

    @Override
    public float[] curveX() {
        return curveX.clone();
    }

    /** Sum over configurations of each batch's training time. */
    public long trainNanos() {
        return configurations.stream().mapToLong(ConfigurationResult::trainNanos).sum();
    }
}
