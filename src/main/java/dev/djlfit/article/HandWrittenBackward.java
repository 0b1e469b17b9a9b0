package dev.djlfit.article;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;

import java.util.List;

/**
 * SGD with the backward pass written out instead of recorded: what {@code loss.backward()} and
 * {@code optimizer.step()} compute for these nets, with no autograd graph. One chain rule for one
 * net ({@code train} and {@code walkthrough --backward manual}) or B nets at once ({@code sweep
 * --backward manual}), and the tests' oracle for the autograd loop ({@link Article#train}) and the
 * batched one.
 *
 * <pre>
 * forward:   h_0 = x;  z_l = W_l · h_{l-1} + b_l;  h_l = act(z_l) (last layer: none)
 * backward:  dz_L = 2 (h_L − y) / n                   (n: one net's points)
 *            dW_l = dz_l · h_{l-1}ᵀ;  db_l = Σ_points dz_l;  dz_{l-1} = (W_lᵀ · dz_l) ⊙ act'(z_{l-1})
 * update:    W_l −= lr · dW_l;  b_l −= lr · db_l
 * </pre>
 *
 * The loss is each net's own MSE, so net k's gradient is its gradient alone. The arrays come in
 * one of two layouts, and each product takes the form that suits its layout:
 * <ul>
 *   <li>one net as {@code torch.nn.Linear} holds it: activations {@code [points, features]},
 *       weights {@code [out, in]}; the products are the ones autograd differentiates, and lr
 *       multiplies the gradients at the update as {@code optimizer.step()} does, so a linear net's
 *       parameters come out bit-equal to autograd's;
 *   <li>B nets stacked as {@link StackedLayout} says: activations {@code [features, points, B]};
 *       every gradient is linear in dz_L, so lr multiplies dz_L once instead of each gradient of
 *       every net.
 * </ul>
 */
public final class HandWrittenBackward {

    /** Hears each net's loss at the steps the config records. */
    @FunctionalInterface
    public interface RecordedLosses {
        /**
         * @param step the 0-based step; the losses are the nets' before its update
         * @param perNet each net's MSE, B values, valid during this call only
         */
        void recorded(int step, NDArray perNet);
    }

    private final boolean stacked;
    private final Architecture architecture;
    private final List<NDArray> parameters;

    private HandWrittenBackward(boolean stacked, Architecture architecture, List<NDArray> parameters) {
        this.stacked = stacked;
        this.architecture = architecture;
        this.parameters = parameters;
    }

    /**
     * One net alone, the training loop's contract: {@code fit}'s parameters are updated in place,
     * the loss is recorded and checked for divergence as in {@link Article#train}.
     *
     * @param x the inputs, {@code [points, 1]}
     * @param y the targets, {@code [points, 1]}
     */
    public static LoopOutcome train(Article.NNet fit, NDArray x, NDArray y, TrainingSettings config, TrainingObserver listener) {
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        new HandWrittenBackward(false, fit.architecture(), fit.parameters())
                .run(x, y, 1, config, (step, loss) -> recorder.offer(step, () -> loss));
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new LoopOutcome(recorder.losses(), loopNanos, config.steps());
    }

    /**
     * B stacked nets, each trained as it would be alone; a net that diverges turns NaN by itself.
     *
     * @param parameters l1.weight, l1.bias, ... stacked: {@code [out, in, B]} and {@code [out, 1, B]}
     * @param x every net's inputs, {@code [1, points, B]}
     * @param y every net's targets, same shape
     */
    public static void train(Architecture architecture, List<NDArray> parameters, NDArray x, NDArray y,
            TrainingSettings config, RecordedLosses losses) {
        int nets = (int) parameters.get(0).getShape().get(2);
        new HandWrittenBackward(true, architecture, parameters).run(x, y, nets, config, losses);
    }

    private void run(NDArray x, NDArray y, int nets, TrainingSettings config, RecordedLosses losses) {
        NDManager manager = x.getManager();
        long pointsPerNet = y.size() / nets;
        float lr = config.learningRate();
        try (NDArray learningRate = manager.create(lr);
                NDArray lossScale = manager.create(stacked ? lr * 2f / pointsPerNet : (float) (2.0 / pointsPerNet));
                NDArray one = manager.create(1f);
                NDArray zero = manager.create(0f);
                GradMode noGrad = Torch.noGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray pred = step(x, y, lossScale, stacked ? null : learningRate, one, zero);
                    if (config.records(i)) {
                        losses.recorded(i, stacked
                                ? StackedLayout.meanSquaredErrors(pred, y, nets)
                                : pred.sub(y).square().mean());
                    }
                }
            }
        }
    }

    /**
     * Forward, backward and update; returns the prediction (before the update).
     *
     * @param lossScale d(loss)/d(prediction) over (prediction − target), times lr where it is folded in
     * @param learningRate the update's factor, or null where lr is folded into lossScale
     */
    private NDArray step(NDArray x, NDArray y, NDArray lossScale, NDArray learningRate, NDArray one, NDArray zero) {
        int layers = architecture.layerCount();
        Nonlinearity activation = architecture.activationOrNull();
        NDArray[] h = new NDArray[layers + 1];
        h[0] = x;
        for (int l = 0; l < layers; l++) {
            NDArray z = stacked
                    ? StackedLayout.product(weight(l), h[l]).addi(bias(l))
                    : Linear.linear(h[l], weight(l), bias(l)).singletonOrThrow();
            h[l + 1] = l < layers - 1 && activation != null ? activation.apply(z) : z;
        }
        NDArray dz = h[layers].sub(y).muli(lossScale);
        for (int l = layers - 1; l >= 0; l--) {
            NDArray w = weight(l);
            NDArray dw = stacked ? StackedLayout.weightGradient(w, dz, h[l]) : dz.transpose().matMul(h[l]);
            NDArray db = stacked ? dz.sum(new int[] {1}, true) : dz.sum(new int[] {0});
            if (l > 0) {
                NDArray dh = stacked ? StackedLayout.inputGradient(w, dz) : dz.matMul(w);
                dz = activation == null ? dh : dh.muli(derivative(activation, h[l], one, zero));
            }
            w.subi(learningRate == null ? dw : dw.muli(learningRate));
            bias(l).subi(learningRate == null ? db : db.muli(learningRate));
        }
        return h[layers];
    }

    /** act'(z), written in terms of the activation's output h = act(z); one and zero are scalars. */
    private static NDArray derivative(Nonlinearity activation, NDArray h, NDArray one, NDArray zero) {
        return switch (activation) {
            case TANH -> one.sub(h.square());
            case SIGMOID -> h.mul(one.sub(h));
            case RELU -> h.gt(zero).toType(DataType.FLOAT32, false);
        };
    }

    private NDArray weight(int layer) {
        return parameters.get(2 * layer);
    }

    private NDArray bias(int layer) {
        return parameters.get(2 * layer + 1);
    }
}
