package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import dev.djlfit.model.Activation;
import dev.djlfit.model.Architecture;
import dev.djlfit.model.Net;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;

import java.util.List;

/**
 * SGD with the backward pass written out instead of recorded: what {@code loss.backward()} and
 * {@code optimizer.step()} compute for these nets, with no autograd graph. One chain rule for B
 * nets at once: {@code --backward manual} of {@code train} and {@code walkthrough} (one net) and
 * of {@code sweep} (B = the seeds), and the tests' oracle for the autograd loop
 * ({@link TrainingLoop}) and the batched one.
 *
 * <pre>
 * forward:   h_0 = x;  z_l = W_l · h_{l-1} + b_l;  h_l = act(z_l) (last layer: none)
 * backward:  dz_L = 2 (h_L − y) / n                   (n: one net's points)
 *            dW_l = dz_l · h_{l-1}ᵀ;  db_l = Σ_points dz_l;  dz_{l-1} = (W_lᵀ · dz_l) ⊙ act'(z_{l-1})
 * update:    W_l −= lr · dW_l;  b_l −= lr · db_l
 * </pre>
 *
 * The loss is each net's own MSE, so net k's gradient is its gradient alone. The arrays come in
 * one of two {@link Layout}s: one net as {@code torch.nn.Linear} holds it, or B nets stacked as
 * {@link StackedLayout} says.
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

    /** Where the arrays keep the points, the features and the nets, and the products that follow. */
    private enum Layout {
        /**
         * One net: activations {@code [points, features]}, weights {@code [out, in]}, the products
         * autograd differentiates for {@code torch.nn.Linear}. The learning rate multiplies the
         * gradients at the update, as {@code optimizer.step()} does, so a linear net's parameters
         * come out bit-equal to autograd's.
         */
        LONE(false) {
            @Override
            NDArray linear(NDArray w, NDArray b, NDArray h) {
                return Linear.linear(h, w, b).singletonOrThrow();
            }

            @Override
            NDArray weightGradient(NDArray w, NDArray dz, NDArray h) {
                return dz.transpose().matMul(h);
            }

            @Override
            NDArray biasGradient(NDArray dz) {
                return dz.sum(new int[] {0});
            }

            @Override
            NDArray inputGradient(NDArray w, NDArray dz) {
                return dz.matMul(w);
            }

            @Override
            NDArray losses(NDArray prediction, NDArray target, int nets) {
                return prediction.sub(target).square().mean();
            }
        },
        /**
         * B nets stacked ({@link StackedLayout}): activations {@code [features, points, B]}.
         * Every gradient is linear in dz_L, so the learning rate multiplies dz_L once, instead of
         * each gradient of every net.
         */
        STACKED(true) {
            @Override
            NDArray linear(NDArray w, NDArray b, NDArray h) {
                return StackedLayout.product(w, h).addi(b);
            }

            @Override
            NDArray weightGradient(NDArray w, NDArray dz, NDArray h) {
                return StackedLayout.weightGradient(w, dz, h);
            }

            @Override
            NDArray biasGradient(NDArray dz) {
                return dz.sum(new int[] {1}, true);
            }

            @Override
            NDArray inputGradient(NDArray w, NDArray dz) {
                return StackedLayout.inputGradient(w, dz);
            }

            @Override
            NDArray losses(NDArray prediction, NDArray target, int nets) {
                return StackedLayout.meanSquaredErrors(prediction, target, nets);
            }
        };

        final boolean foldsLearningRate;

        Layout(boolean foldsLearningRate) {
            this.foldsLearningRate = foldsLearningRate;
        }

        /** z = W · h + b */
        abstract NDArray linear(NDArray w, NDArray b, NDArray h);

        /** dW = dz · hᵀ */
        abstract NDArray weightGradient(NDArray w, NDArray dz, NDArray h);

        /** db = Σ_points dz */
        abstract NDArray biasGradient(NDArray dz);

        /** dh = Wᵀ · dz */
        abstract NDArray inputGradient(NDArray w, NDArray dz);

        /** Each net's MSE. */
        abstract NDArray losses(NDArray prediction, NDArray target, int nets);
    }

    private final Layout layout;
    private final Architecture architecture;
    private final List<NDArray> parameters;

    private HandWrittenBackward(Layout layout, Architecture architecture, List<NDArray> parameters) {
        this.layout = layout;
        this.architecture = architecture;
        this.parameters = parameters;
    }

    /**
     * One net alone, the training loop's contract: {@code fit}'s parameters are updated in place,
     * the loss is recorded and checked for divergence as in {@link TrainingLoop}.
     *
     * @param x the inputs, {@code [points, 1]}
     * @param y the targets, {@code [points, 1]}
     */
    public static TrainingRun train(Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        new HandWrittenBackward(Layout.LONE, fit.architecture(), fit.parameters())
                .run(x, y, 1, config, (step, loss) -> recorder.offer(step, () -> loss));
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new TrainingRun(recorder.losses(), loopNanos, config.steps());
    }

    /**
     * B stacked nets, each trained as it would be alone; a net that diverges turns NaN by itself.
     *
     * @param parameters l1.weight, l1.bias, ... stacked: {@code [out, in, B]} and {@code [out, 1, B]}
     * @param x every net's inputs, {@code [1, points, B]}
     * @param y every net's targets, same shape
     */
    public static void train(Architecture architecture, List<NDArray> parameters, NDArray x, NDArray y,
            TrainingConfig config, RecordedLosses losses) {
        int nets = (int) parameters.get(0).getShape().get(2);
        new HandWrittenBackward(Layout.STACKED, architecture, parameters).run(x, y, nets, config, losses);
    }

    private void run(NDArray x, NDArray y, int nets, TrainingConfig config, RecordedLosses losses) {
        NDManager manager = x.getManager();
        long pointsPerNet = y.size() / nets;
        float lr = config.learningRate();
        try (NDArray learningRate = manager.create(lr);
                NDArray lossScale = manager.create(
                        layout.foldsLearningRate ? lr * 2f / pointsPerNet : (float) (2.0 / pointsPerNet));
                NDArray one = manager.create(1f);
                NDArray zero = manager.create(0f);
                GradMode noGrad = Torch.noGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray pred = step(x, y, lossScale, layout.foldsLearningRate ? null : learningRate, one, zero);
                    if (config.records(i)) {
                        losses.recorded(i, layout.losses(pred, y, nets));
                    }
                }
            }
        }
    }

    /**
     * Forward, backward and update; returns the prediction (before the update).
     *
     * @param lossScale d(loss)/d(prediction) over (prediction − target), times lr where the layout folds it in
     * @param learningRate the update's factor, or null where the layout folds it into lossScale
     */
    private NDArray step(NDArray x, NDArray y, NDArray lossScale, NDArray learningRate, NDArray one, NDArray zero) {
        int layers = architecture.layerCount();
        Activation activation = architecture.activationOrNull();
        NDArray[] h = new NDArray[layers + 1];
        h[0] = x;
        for (int l = 0; l < layers; l++) {
            NDArray z = layout.linear(weight(l), bias(l), h[l]);
            h[l + 1] = l < layers - 1 && activation != null ? activation.apply(z) : z;
        }
        NDArray dz = h[layers].sub(y).muli(lossScale);
        for (int l = layers - 1; l >= 0; l--) {
            NDArray w = weight(l);
            NDArray dw = layout.weightGradient(w, dz, h[l]);
            NDArray db = layout.biasGradient(dz);
            if (l > 0) {
                NDArray dh = layout.inputGradient(w, dz);
                dz = activation == null ? dh : dh.muli(derivative(activation, h[l], one, zero));
            }
            w.subi(learningRate == null ? dw : dw.muli(learningRate));
            bias(l).subi(learningRate == null ? db : db.muli(learningRate));
        }
        return h[layers];
    }

    /** act'(z), written in terms of the activation's output h = act(z); one and zero are scalars. */
    private static NDArray derivative(Activation activation, NDArray h, NDArray one, NDArray zero) {
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
