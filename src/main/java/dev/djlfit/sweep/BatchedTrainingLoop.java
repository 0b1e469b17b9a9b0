package dev.djlfit.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.training.Autograd;
import dev.djlfit.training.SgdOptimizer;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;

import java.util.Arrays;

/**
 * The article's loop for K nets at once. The loss is each net's own MSE (the mean over its own
 * points, as {@code MSELoss}), summed over the nets: d(sum)/d(loss_k) = 1, so net k's gradient is
 * exactly its gradient alone. Plain SGD on the stacked arrays then updates each net as its own
 * optimiser would. A net that diverges (NaN) stays NaN by itself and does not stop the others.
 */
public final class BatchedTrainingLoop {

    /**
     * What the batched loop measured.
     *
     * @param lastLosses each net's loss at the last step (before its update), NaN where it diverged
     * @param loopNanos time inside the loop
     * @param steps steps run
     */
    public record Run(float[] lastLosses, long loopNanos, int steps) {}

    /**
     * @param x every net's inputs, {@code [K, 1, points]}
     * @param y every net's targets, same shape
     * @param listener hears the median loss over the nets at recorded steps
     */
    public Run run(BatchedNets nets, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
        NDManager manager = x.getManager();
        SgdOptimizer optimizer = new SgdOptimizer(nets.parameters(), config.learningRate(), manager);
        float[] lastLosses = new float[nets.count()];
        listener.started(config.steps());
        long start = System.nanoTime();
        try (NDArray one = manager.ones(new Shape());
                Autograd.Mode grad = Autograd.enableGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray pred = nets.forward(x);
                    NDArray perNet = pred.sub(y).square().mean(new int[] {2});
                    NDArray loss = perNet.sum();
                    Autograd.backward(loss, one);
                    optimizer.step();
                    optimizer.zeroGrad();
                    if (config.records(i)) {
                        lastLosses = perNet.toFloatArray();
                        listener.progressed(i + 1, median(lastLosses));
                    }
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new Run(lastLosses, loopNanos, config.steps());
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
