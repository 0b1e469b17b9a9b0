package dev.djlfit.article;

import java.util.List;

/**
 * What the loop itself measured.
 *
 * @param losses the recorded loss curve
 * @param loopNanos time spent inside the loop
 * @param steps steps run
 */
public record LoopOutcome(List<LossPoint> losses, long loopNanos, int steps) {

    public LoopOutcome {
        losses = List.copyOf(losses);
    }

    public double microsPerStep() {
        return loopNanos / 1e3 / steps;
    }

    public double stepsPerSecond() {
        return steps / (loopNanos / 1e9);
    }
}
