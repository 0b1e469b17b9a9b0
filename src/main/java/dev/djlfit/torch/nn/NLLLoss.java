package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')}: the negative
 * log-likelihood of int64 class indices under log-probabilities (a {@link LogSoftmax}'s output),
 * −input[n, target[n]], weighted, then reduced. The mean divides by the sum of the targets'
 * weights, not by N, as PyTorch does.
 *
 * <p>Input (C), (N, C) or (N, C, d1, ...), target of the input's shape without dimension 1 (a
 * scalar for a (C) input). Any other target shape, a target that is not int64, or one outside
 * [0, C) (other than {@code ignoreIndex}) is an error naming what was given.
 */
public final class NLLLoss {

    private static final String NAME = "NLLLoss";

    private final NegativeLogLikelihood nll;

    /** {@code torch.nn.NLLLoss()}: the mean, no weights, ignore_index -100. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /** {@code torch.nn.NLLLoss(reduction=...)}. */
    public NLLLoss(Reduction reduction) {
        this(null, NegativeLogLikelihood.DEFAULT_IGNORE_INDEX, reduction);
    }

    /**
     * {@code torch.nn.NLLLoss(weight, ignore_index=..., reduction=...)}.
     *
     * @param weightOrNull one weight per class, shape (C), or null for all ones
     */
    public NLLLoss(NDArray weightOrNull, long ignoreIndex, Reduction reduction) {
        this.nll = new NegativeLogLikelihood(NAME, weightOrNull, ignoreIndex, reduction);
    }

    public Reduction reduction() {
        return nll.reduction();
    }

    /** {@code loss = loss_fn(log_probabilities, target)}. */
    public NDArray forward(NDArray input, NDArray target) {
        NegativeLogLikelihood.checkInput(NAME, input);
        if (!target.getShape().equals(NegativeLogLikelihood.classIndexShape(input.getShape()))) {
            throw NegativeLogLikelihood.targetShapeError(NAME, input.getShape(), target.getShape(), false);
        }
        nll.checkWeight(input.getShape());
        return nll.forward(input, target);
    }

    /** {@code print(loss_fn)}: PyTorch prints no arguments for a loss. */
    @Override
    public String toString() {
        return NAME + "()";
    }
}
