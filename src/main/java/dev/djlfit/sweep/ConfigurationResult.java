package dev.djlfit.sweep;

import java.util.List;

/**
 * One configuration of the sweep, all its seeds trained.
 *
 * @param configuration the net
 * @param seeds every seed's outcome, in seed order
 * @param trainNanos initialising, stacking and training the batch (evaluation not included)
 * @param steps training steps each net ran
 */
public record ConfigurationResult(
        SweepConfiguration configuration, List<SeedOutcome> seeds, long trainNanos, int steps) {

    public ConfigurationResult {
        seeds = List.copyOf(seeds);
    }

    public List<SeedOutcome> fitted() {
        return seeds.stream().filter(SeedOutcome::fitted).toList();
    }

    /** Over the seeds that fit: the prediction at probe {@code index} (the article's: 0 is x = 2.5, 1 is x = 10). */
    public Distribution probe(int index) {
        return Distribution.of(fitted().stream().mapToDouble(s -> s.probes()[index]).toArray());
    }

    /** Over the seeds that fit: RMSE against the truth over the interpolation range. */
    public Distribution interpolationRmse() {
        return Distribution.of(fitted().stream().mapToDouble(SeedOutcome::interpolationRmse).toArray());
    }

    /** Over the seeds that fit: RMSE against the truth over the extrapolation range. */
    public Distribution extrapolationRmse() {
        return Distribution.of(fitted().stream().mapToDouble(SeedOutcome::extrapolationRmse).toArray());
    }

    /** Nets trained per second of this batch's training time, counting each net's steps. */
    public double netStepsPerSecond() {
        return (double) seeds.size() * steps / (trainNanos / 1e9);
    }
}
