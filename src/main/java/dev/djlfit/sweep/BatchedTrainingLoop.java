package dev.djlfit.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.article.Backward;
import dev.djlfit.article.HandWrittenBackward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;

import java.util.Arrays;

/**
 * The article's loop for K nets at once. The loss is each net's own MSE (the mean over its own
 * points, as {@code MSELoss}), summed over the nets: d(sum)/d(loss_k) = 1, so net k's gradient is
 * exactly its gradient alone. Plain SGD on the stacked arrays then updates each net as its own
 * optimiser would. A net that diverges (NaN) stays NaN by itself and does not stop the others.
 *
 * <p>With autograd, as in the kit's {@code MSELoss}, the loss is not recorded: autograd is seeded at the
 * prediction with d(loss)/d(pred). With {@code Backward.MANUAL} the nets train by
 * {@link HandWrittenBackward} instead: no graph is recorded at all.
 */
public final class BatchedTrainingLoop {

    /**
     * What the batched loop measured.
     *
     * @param lastLosses each net's loss at the last step (before its update), NaN where it diverged
     * @param loopNanos time inside the loop
     * @param steps steps run
     */
    public record Outcome(float[] lastLosses, long loopNanos, int steps) {}

    /**
     * Trains with the gradients {@code config.backward()} chooses: autograd (the default) or the
     * backward pass written out ({@link HandWrittenBackward}).
     *
     * @param x every net's inputs, {@code [1, points, K]} ({@link BatchedNets#inputs})
     * @param y every net's targets, same shape
     * @param listener hears the median loss over the nets at recorded steps
     */
    public Outcome run(BatchedNets nets, NDArray x, NDArray y, TrainingSettings config, TrainingObserver listener) {
        NDManager manager = x.getManager();
        long pointsPerNet = y.size() / nets.count();
        float[] lastLosses = new float[nets.count()];
        listener.started(config.steps());
        long start = System.nanoTime();
        if (config.backward() == Backward.MANUAL) {
            HandWrittenBackward.train(nets.architecture(), nets.parameters(), x, y, config,
                    (i, perNet) -> record(perNet, i, listener, lastLosses));
        } else {
            try (SGD optimizer = new SGD(nets.parameters(), config.learningRate());
                    NDArray twoOverN = manager.create(2f / pointsPerNet);
                    GradMode grad = Torch.enableGrad()) {
                for (int i = 0; i < config.steps(); i++) {
                    try (NDScope step = new NDScope()) {
                        NDArray pred = nets.forward(x);
                        // d(sum of the nets' MSEs)/d(pred) = 2 (pred - y) / n for each net's own n points:
                        // autograd starts there instead of recording sub, square, mean and sum (as MSELoss.lazy)
                        NDArray gradient;
                        try (GradMode noGrad = Torch.noGrad()) {
                            gradient = pred.sub(y).muli(twoOverN);
                        }
                        Torch.backward(pred, gradient);
                        optimizer.step();
                        optimizer.zeroGrad();
                        if (config.records(i)) {
                            try (GradMode noGrad = Torch.noGrad()) {
                                record(nets.meanSquaredErrors(pred, y), i, listener, lastLosses);
                            }
                        }
                    }
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new Outcome(lastLosses, loopNanos, config.steps());
    }

    /** Reads each net's MSE at this step (its own mean over its points) into {@code lastLosses}; the listener hears the median. */
    private static void record(NDArray perNetLosses, int step, TrainingObserver listener, float[] lastLosses) {
        float[] perNet = perNetLosses.toFloatArray();
        System.arraycopy(perNet, 0, lastLosses, 0, perNet.length);
        listener.progressed(step, median(perNet)); // the nets after `step` updates
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
