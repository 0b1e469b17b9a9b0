package dev.djlfit.training;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the loss at the steps the config records (a device-to-host copy, so not every step),
 * stops a run whose loss is no longer finite, and tells the listener.
 */
final class LossRecorder {

    private final TrainingConfig config;
    private final TrainingListener listener;
    private final List<LossPoint> losses = new ArrayList<>();

    LossRecorder(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    boolean records(int step) {
        return config.records(step);
    }

    /** @param loss the loss of 0-based step {@code step}; read only if the step is recorded */
    void offer(int step, NDArray loss) {
        if (!config.records(step)) {
            return;
        }
        float value = loss.getFloat();
        if (!Float.isFinite(value)) {
            throw new TrainingDivergedException(step, value);
        }
        losses.add(new LossPoint(step, value));
        listener.progressed(step + 1, value);
    }

    List<LossPoint> losses() {
        return losses;
    }
}
