package dev.djlfit.article;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the loss at the steps the config records (a device-to-host copy, so not every step),
 * stops a run that diverges (its loss no longer finite, or grown by orders of magnitude), and
 * tells the listener.
 */
public final class LossRecorder {

    /** A recorded loss this many times the first one means the run has diverged. */
    public static final float DIVERGENCE_GROWTH = 1e4f;

    private final TrainingSettings config;
    private final TrainingObserver listener;
    private final List<LossPoint> losses = new ArrayList<>();

    public LossRecorder(TrainingSettings config, TrainingObserver listener) {
        this.config = config;
        this.listener = listener;
    }

    /** @param loss the loss of 0-based step {@code step}; computed and read only if the step is recorded */
    public void offer(int step, Supplier<NDArray> loss) {
        if (!config.records(step)) {
            return;
        }
        float value = loss.get().getFloat();
        if (!Float.isFinite(value)) {
            throw new DivergedException(step, value, "loss is " + value
                    + (losses.isEmpty() ? "" : " (it was " + describe(losses.get(losses.size() - 1)) + ")"));
        }
        if (!losses.isEmpty() && value > DIVERGENCE_GROWTH * losses.get(0).loss()) {
            throw new DivergedException(step, value, "loss grew to " + value + ", more than "
                    + (long) DIVERGENCE_GROWTH + " times its " + describe(losses.get(0)));
        }
        losses.add(new LossPoint(step, value));
        listener.progressed(step, value); // the loss of the net after `step` updates
    }

    private static String describe(LossPoint p) {
        return p.loss() + " at step " + p.step();
    }

    public List<LossPoint> losses() {
        return losses;
    }
}
