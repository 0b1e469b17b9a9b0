package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Torch;

/**
 * {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean')} on
 * logits: {@link NLLLoss} of {@code log_softmax(input, dim=1)}, as PyTorch computes it, so logits
 * of ±100 give finite losses and gradients (softmax − one-hot, ÷ N for the mean).
 *
 * <ul>
 *   <li>Class indices: an int64 target of the input's shape without dimension 1 ((N) for an
 *       (N, C) input, a scalar for (C)), each in [0, C) or equal to {@code ignoreIndex}; the mean
 *       divides by the sum of the targets' weights (N without a weight or ignored targets).
 *   <li>Class probabilities: a floating-point target of the input's own shape; the mean divides
 *       by the number of samples (input elements ÷ C), as PyTorch 1.13 does.
 * </ul>
 *
 * Any other target (an (N, 1) column, an int32 vector, a class out of range) is an error naming
 * what was given; PyTorch refuses them too, with less said. {@code label_smoothing} is not offered.
 */
public final class CrossEntropyLoss {

    private static final String NAME = "CrossEntropyLoss";

    private final NegativeLogLikelihood nll;

    /** {@code torch.nn.CrossEntropyLoss()}: the mean, no weights, ignore_index -100. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    /** {@code torch.nn.CrossEntropyLoss(reduction=...)}. */
    public CrossEntropyLoss(Reduction reduction) {
        this(null, NegativeLogLikelihood.DEFAULT_IGNORE_INDEX, reduction);
    }

    /**
     * {@code torch.nn.CrossEntropyLoss(weight, ignore_index=..., reduction=...)}.
     *
     * @param weightOrNull one weight per class, shape (C), or null for all ones
     */
    public CrossEntropyLoss(NDArray weightOrNull, long ignoreIndex, Reduction reduction) {
        this.nll = new NegativeLogLikelihood(NAME, weightOrNull, ignoreIndex, reduction);
    }

    public Reduction reduction() {
        return nll.reduction();
    }

    /** {@code loss = loss_fn(logits, target)}. */
    public NDArray forward(NDArray input, NDArray target) {
        NegativeLogLikelihood.checkInput(NAME, input);
        Shape inputShape = input.getShape();
        nll.checkWeight(inputShape);
        int classDim = NegativeLogLikelihood.classDim(inputShape);
        if (target.getShape().equals(inputShape) && target.getDataType().isFloating()) {
            return probabilityTargets(input.logSoftmax(classDim), target, classDim);
        }
        if (!target.getShape().equals(NegativeLogLikelihood.classIndexShape(inputShape))) {
            throw NegativeLogLikelihood.targetShapeError(NAME, inputShape, target.getShape(), true);
        }
        return nll.forward(input.logSoftmax(classDim), target);
    }

    /** −Σ_c w_c · p_c · log_softmax(x)_c, reduced as {@code cross_entropy_loss_prob_target} does. */
    private NDArray probabilityTargets(NDArray logProbabilities, NDArray target, int classDim) {
        long ignoreIndex = nll.ignoreIndex();
        NDArray weight = nll.weight();
        if (ignoreIndex >= 0) {
            throw new IllegalArgumentException(NAME + ": ignore_index " + ignoreIndex
                    + " is not supported for class-probability targets");
        }
        NDArray weighted = logProbabilities.mul(target);
        if (weight != null) {
            long[] view = new long[logProbabilities.getShape().dimension()];
            java.util.Arrays.fill(view, 1);
            view[classDim] = weight.size();
            weighted = weighted.mul(weight.reshape(new Shape(view)));
        }
        return switch (nll.reduction()) {
            case NONE -> weighted.sum(new int[] {classDim}).neg();
            case SUM -> weighted.sum().neg();
            case MEAN -> weighted.sum().neg().div(Torch.scalarLike(weighted,
                    (double) (logProbabilities.size() / logProbabilities.getShape().get(classDim))));
        };
    }

    /** {@code print(loss_fn)}: PyTorch prints no arguments for a loss. */
    @Override
    public String toString() {
        return NAME + "()";
    }
}
