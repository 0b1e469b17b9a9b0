package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.djlfit.torch.Function;
import dev.djlfit.torch.FunctionContext;

/**
 * {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)} and
 * {@code torch.nn.functional.binary_cross_entropy_with_logits}: the binary cross-entropy of
 * sigmoid(input) against targets in [0, 1], computed from the logits without forming the sigmoid,
 *
 * <pre>
 * max = clamp_min(−x, 0)
 * ℓ = (1 − y)·x + lw·(log(exp(−max) + exp(−x − max)) + max),   lw = (pos_weight − 1)·y + 1 (1 without)
 * </pre>
 *
 * times {@code weight}, then reduced: PyTorch 1.13's formula, finite for logits of ±100. Like
 * {@code binary_cross_entropy_with_logits} in PyTorch, it is one autograd node (see
 * {@link Function}): its backward hands autograd ((pos_weight·y + 1 − y)·σ(x) − pos_weight·y)·g
 * (σ(x) − y without pos_weight), times weight, ÷ n for the mean. The target gets no gradient.
 *
 * <p>The target must have the input's shape (PyTorch says so too); {@code weight} must broadcast
 * to it, and {@code pos_weight} along its last dimension (one weight per class).
 */
public final class BCEWithLogitsLoss {

    private static final String NAME = "BCEWithLogitsLoss";

    private final NDArray weight;
    private final Reduction reduction;
    private final NDArray posWeight;

    /** {@code torch.nn.BCEWithLogitsLoss()}: the mean. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /** {@code torch.nn.BCEWithLogitsLoss(reduction=...)}. */
    public BCEWithLogitsLoss(Reduction reduction) {
        this(null, reduction, null);
    }

    /**
     * {@code torch.nn.BCEWithLogitsLoss(weight, reduction=..., pos_weight=...)}.
     *
     * @param weightOrNull a weight per element, broadcast to the input, or null
     * @param posWeightOrNull the positive examples' weight per class (the last dimension), or null
     */
    public BCEWithLogitsLoss(NDArray weightOrNull, Reduction reduction, NDArray posWeightOrNull) {
        this.weight = weightOrNull;
        this.reduction = reduction;
        this.posWeight = posWeightOrNull;
    }

    /** {@code torch.nn.functional.binary_cross_entropy_with_logits(input, target)}: the mean. */
    public static NDArray binaryCrossEntropyWithLogits(NDArray input, NDArray target) {
        return new BCEWithLogitsLoss().forward(input, target);
    }

    public Reduction reduction() {
        return reduction;
    }

    /** {@code loss = loss_fn(logits, target)}. */
    public NDArray forward(NDArray input, NDArray target) {
        Shape shape = input.getShape();
        if (!target.getShape().equals(shape)) {
            throw new IllegalArgumentException(NAME + ": target shape " + target.getShape()
                    + " must be the same as input shape " + shape);
        }
        if (!input.getDataType().isFloating() || !target.getDataType().isFloating()) {
            throw new IllegalArgumentException(NAME + ": input and target must be floating point, not "
                    + input.getDataType() + " and " + target.getDataType());
        }
        checkBroadcast("weight", weight, shape);
        checkBroadcast("pos_weight", posWeight, shape);
        return new LogitsFunction().apply(input, target);
    }

    private static void checkBroadcast(String what, NDArray w, Shape input) {
        if (w != null && !input.equals(MSELoss.broadcast(input, w.getShape()))) {
            throw new IllegalArgumentException(NAME + ": " + what + " of shape " + w.getShape()
                    + " does not broadcast to the input's shape " + input);
        }
    }

    /** {@code print(loss_fn)}: PyTorch prints no arguments for a loss. */
    @Override
    public String toString() {
        return NAME + "()";
    }

    /** The loss as one autograd node, forward and backward as PyTorch 1.13 computes them. */
    private final class LogitsFunction extends Function {
        @Override
        public String gradFnName() {
            return "BinaryCrossEntropyWithLogitsBackward0";
        }

        @Override
        protected NDArray forward(FunctionContext ctx, NDArray... inputs) {
            NDArray x = inputs[0];
            NDArray y = inputs[1];
            ctx.saveForBackward(x, y);
            NDArray maxVal = x.neg().maximum(0f);
            NDArray logTerm = maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log();
            NDArray loss = y.neg().add(1f).mul(x);
            if (posWeight == null) {
                loss = loss.add(maxVal).add(logTerm);
            } else {
                NDArray logWeight = posWeight.sub(1f).mul(y).add(1f);
                loss = loss.add(logWeight.mul(logTerm.add(maxVal)));
            }
            if (weight != null) {
                loss = loss.mul(weight);
            }
            return switch (reduction) {
                case MEAN -> loss.mean();
                case SUM -> loss.sum();
                case NONE -> loss;
            };
        }

        @Override
        protected NDArray[] backward(FunctionContext ctx, NDArray gradOutput) {
            NDArray x = ctx.saved(0);
            NDArray y = ctx.saved(1);
            NDArray grad;
            if (posWeight == null) {
                grad = Activation.sigmoid(x).sub(y).mul(gradOutput);
            } else {
                NDArray t = posWeight.mul(y);
                grad = t.add(1f).sub(y).mul(Activation.sigmoid(x)).sub(t).mul(gradOutput);
            }
            if (weight != null) {
                grad = grad.mul(weight);
            }
            if (reduction == Reduction.MEAN) {
                grad = grad.div((float) x.size());
            }
            return new NDArray[] {grad, null};
        }
    }
}
