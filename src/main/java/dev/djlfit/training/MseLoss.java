package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * {@code torch.nn.MSELoss()}: the mean of the squared errors. DJL's {@code L2Loss} is not the
 * same: it halves the mean (and multiplies by a Java-side scalar inside the gradient graph).
 *
 * <p>As in PyTorch, where {@code mse_loss} is one node of the autograd graph, the loss is one step
 * here, not three: {@link Value#backward()} hands autograd the loss's gradient with respect to the
 * prediction, 2·(pred − y)/n (what PyTorch's {@code mse_loss_backward} computes), instead of
 * recording {@code sub}, {@code square} and {@code mean} and differentiating them back. The
 * gradients are the same ({@code MseLossTest} compares them with the recorded version's); the
 * step costs a third less. The loss value itself is computed only when it is read.
 */
public final class MseLoss implements AutoCloseable {

    private final NDManager manager;
    private NDArray twoOverN;
    private long n = -1;

    /** @param manager owns the one scalar the gradient needs, 2/n */
    public MseLoss(NDManager manager) {
        this.manager = manager;
    }

    /** {@code loss = calc_loss(pred, y)}. */
    public Value apply(NDArray prediction, NDArray target) {
        return new Value(prediction, target);
    }

    /** The loss of one prediction against its target. */
    public final class Value {
        private final NDArray prediction;
        private final NDArray target;

        private Value(NDArray prediction, NDArray target) {
            this.prediction = prediction;
            this.target = target;
        }

        /** The mean of the squared errors, a scalar (computed now, not recorded). */
        public NDArray value() {
            try (Autograd.Mode noGrad = Autograd.noGrad()) {
                return prediction.sub(target).square().mean();
            }
        }

        /** d(loss)/d(prediction) = 2·(pred − y)/n. */
        public NDArray gradient() {
            try (Autograd.Mode noGrad = Autograd.noGrad()) {
                return prediction.sub(target).mul(twoOverN(prediction.size()));
            }
        }

        /** {@code loss.backward()}: every parameter's gradient += d(loss)/d(parameter). */
        public void backward() {
            Autograd.backward(prediction, gradient());
        }
    }

    private NDArray twoOverN(long size) {
        if (size != n) {
            if (twoOverN != null) {
                twoOverN.close();
            }
            twoOverN = manager.create(2f / size);
            NDScope.unregister(twoOverN); // made inside a step, kept for all of them
            n = size;
        }
        return twoOverN;
    }

    @Override
    public void close() {
        if (twoOverN != null) {
            twoOverN.close();
        }
    }

    /** The loss as three recorded operations, for checks against the one-step version. */
    public static NDArray recorded(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    /** The same on plain numbers, in double. */
    public static double of(float[] prediction, float[] target) {
        double sum = 0;
        for (int i = 0; i < prediction.length; i++) {
            double d = (double) prediction[i] - target[i];
            sum += d * d;
        }
        return sum / prediction.length;
    }
}
