package dev.djlfit.torch.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Function;
import dev.djlfit.torch.FunctionContext;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;

/**
 * {@code torch.nn.MSELoss(reduction=...)}: the squared errors, averaged ({@link Reduction#MEAN},
 * the default), summed, or left as they are. (DJL's {@code L2Loss} is not the same: it halves
 * them.)
 *
 * <p>As in PyTorch, where {@code mse_loss} is one node of the autograd graph, the loss is one
 * step here, not three: its backward hands autograd d(loss)/d(prediction), 2·(pred − y)·g
 * (divided by n for the mean), what PyTorch's {@code mse_loss_backward} computes, instead of
 * recording a subtraction, a square and a mean and differentiating them back.
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>{@link #forward}: the loss as a tensor, as in PyTorch: {@code Torch.backward(loss)},
 *       {@code Torch.item(loss)}, and it can be used further in the graph.
 *   <li>{@link #lazy}: for a hot loop that reads the loss only now and then: nothing is computed
 *       until {@link Lazy#value()} or {@link Lazy#backward()} is called, and the backward pass
 *       starts at the prediction.
 * </ul>
 *
 * A prediction and a target of different shapes are an error that names both: PyTorch only warns
 * and broadcasts them, so that a (2000, 1) prediction against a (2000) target silently becomes a
 * (2000, 2000) loss.
 *
 * <p>The target gets a gradient from {@link #forward} where it is a leaf that requires grad (a
 * computed target's graph is not followed).
 */
public final class MSELoss implements AutoCloseable {

    private final Reduction reduction;
    private final Function function = new MseFunction();
    private NDArray cachedFactor;
    private long cachedCount = -1;

    /** {@code torch.nn.MSELoss()}: the mean. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** {@code torch.nn.MSELoss(reduction=...)}. */
    public MSELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** {@code loss = loss_fn(y_pred, y)}. */
    public NDArray forward(NDArray prediction, NDArray target) {
        checkShapes(prediction, target);
        return function.apply(prediction, target);
    }

    /** The loss of {@code prediction} against {@code target}, computed when asked for. */
    public Lazy lazy(NDArray prediction, NDArray target) {
        checkShapes(prediction, target);
        return new Lazy(prediction, target);
    }

    /** A loss not yet computed; see {@link MSELoss#lazy}. */
    public final class Lazy {
        private final NDArray prediction;
        private final NDArray target;

        private Lazy(NDArray prediction, NDArray target) {
            this.prediction = prediction;
            this.target = target;
        }

        /** The loss, computed now, not recorded. */
        public NDArray value() {
            try (GradMode noGrad = Torch.noGrad()) {
                return reduce(prediction.sub(target).square());
            }
        }

        /** {@code loss.item()}. */
        public double item() {
            return Torch.item(value());
        }

        /** d(loss)/d(prediction): 2·(pred − y), divided by n for the mean. */
        public NDArray gradient() {
            try (GradMode noGrad = Torch.noGrad()) {
                return prediction.sub(target).muli(factor(prediction));
            }
        }

        /** {@code loss.backward()}: every parameter's {@code .grad} += d(loss)/d(parameter). */
        public void backward() {
            if (reduction == Reduction.NONE) {
                throw new IllegalStateException("grad can be implicitly created only for scalar outputs"
                        + " (MSELoss with reduction NONE)");
            }
            Torch.backward(prediction, gradient());
        }
    }

    /** The loss as recorded operations (sub, square, mean or sum), for checks against the one-step backward. */
    public NDArray recorded(NDArray prediction, NDArray target) {
        checkShapes(prediction, target);
        return reduce(prediction.sub(target).square());
    }

    /** The mean squared error of plain numbers, in double: for checks and reports outside the engine. */
    public static double mean(float[] prediction, float[] target) {
        if (prediction.length != target.length) {
            throw new IllegalArgumentException("MSELoss: " + prediction.length + " predictions, " + target.length + " targets");
        }
        double sum = 0;
        for (int i = 0; i < prediction.length; i++) {
            double d = (double) prediction[i] - target[i];
            sum += d * d;
        }
        return sum / prediction.length;
    }

    private NDArray reduce(NDArray squaredErrors) {
        return switch (reduction) {
            case MEAN -> squaredErrors.mean();
            case SUM -> squaredErrors.sum();
            case NONE -> squaredErrors;
        };
    }

    /**
     * 2/n or 2, as an array made once per size (a scalar overload inside autograd's reach gave
     * wrong gradients), on the prediction's device, kept out of the step's scope. (Checked per
     * call: the size and whether the array is still alive; the device only when it is made.)
     */
    private NDArray factor(NDArray prediction) {
        long count = reduction == Reduction.MEAN ? prediction.size() : 1;
        if (cachedFactor == null || cachedFactor.isReleased() || count != cachedCount) {
            if (cachedFactor != null && !cachedFactor.isReleased()) {
                cachedFactor.close();
            }
            Device device = prediction.getDevice();
            NDArray factor = prediction.getManager().create((float) (2.0 / count));
            if (!factor.getDevice().equals(device)) {
                NDArray placed = factor.toDevice(device, false);
                factor.close();
                factor = placed;
            }
            NDScope.unregister(factor);
            cachedFactor = factor;
            cachedCount = count;
        }
        return cachedFactor;
    }

    private static void checkShapes(NDArray prediction, NDArray target) {
        Shape p = prediction.getShape();
        Shape t = target.getShape();
        if (p.equals(t)) {
            return;
        }
        Shape broadcast = broadcast(p, t);
        throw new IllegalArgumentException("MSELoss: prediction shape " + p + " and target shape " + t + " differ; "
                + (broadcast == null ? "they do not broadcast" : "PyTorch would broadcast them to " + broadcast));
    }

    /** NumPy's broadcasting of two shapes, or null where they do not broadcast. */
    static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.dimension(), b.dimension());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.dimension() ? 1 : a.get(i - (rank - a.dimension()));
            long db = i < rank - b.dimension() ? 1 : b.get(i - (rank - b.dimension()));
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** The loss as one autograd node (see {@link Function}). */
    private final class MseFunction extends Function {
        @Override
        protected NDArray forward(FunctionContext ctx, NDArray... inputs) {
            NDArray difference = inputs[0].sub(inputs[1]);
            ctx.saveForBackward(difference, inputs[1]);
            return reduce(difference.square());
        }

        @Override
        protected NDArray[] backward(FunctionContext ctx, NDArray gradOutput) {
            NDArray gradPrediction = ctx.saved(0).mul(factor(ctx.saved(0))).mul(gradOutput);
            return new NDArray[] {gradPrediction, Torch.isLeafRequiringGrad(ctx.saved(1)) ? gradPrediction.neg() : null};
        }
    }

    @Override
    public void close() {
        if (cachedFactor != null && !cachedFactor.isReleased()) {
            cachedFactor.close();
        }
    }
}
