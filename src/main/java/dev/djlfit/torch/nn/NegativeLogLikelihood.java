package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Torch;

/**
 * {@code nll_loss} on log-probabilities, shared by {@link NLLLoss} and {@link CrossEntropyLoss}:
 * recorded operations (gather, neg, optional weight, reduce), so autograd carries the gradient
 * back as {@code nll_loss_backward} does: −w[target] ÷ total weight at each target, zero elsewhere.
 *
 * <p>Input (C), (N, C) or (N, C, d1, ...); the class dimension is 1, or 0 for a single sample.
 * Targets are int64 class indices of the input's shape without the class dimension, each in
 * [0, C) or equal to {@code ignoreIndex}. The mean divides by the sum of the targets' weights
 * (the count of targets not ignored, without a weight), as PyTorch does.
 *
 * @param loss the loss module's name, for error messages
 * @param weight one weight per class, shape (C), or null for all ones
 * @param ignoreIndex the target value that counts for nothing
 * @param reduction how the per-target losses are reduced
 */
record NegativeLogLikelihood(String loss, NDArray weight, long ignoreIndex, Reduction reduction) {

    /** PyTorch's default {@code ignore_index}. */
    static final long DEFAULT_IGNORE_INDEX = -100;

    static int classDim(Shape input) {
        return input.dimension() == 1 ? 0 : 1;
    }

    /** The input's shape without its class dimension: what a class-index target must have. */
    static Shape classIndexShape(Shape input) {
        int classDim = classDim(input);
        long[] out = new long[input.dimension() - 1];
        for (int d = 0, k = 0; d < input.dimension(); d++) {
            if (d != classDim) {
                out[k++] = input.get(d);
            }
        }
        return new Shape(out);
    }

    static void checkInput(String loss, NDArray input) {
        if (input.getShape().dimension() == 0) {
            throw new IllegalArgumentException(loss + ": the input needs a class dimension; a 0-d tensor has none");
        }
        if (!input.getDataType().isFloating()) {
            throw new IllegalArgumentException(loss + ": the input must be floating point, not " + input.getDataType());
        }
    }

    void checkWeight(Shape input) {
        long classes = input.get(classDim(input));
        if (weight != null && !weight.getShape().equals(new Shape(classes))) {
            throw new IllegalArgumentException(loss + ": weight of shape " + weight.getShape() + " for an input of shape "
                    + input + "; it needs one value per class, shape (" + classes + ")");
        }
    }

    /** The loss of log-probabilities {@code logProbabilities} at int64 class indices {@code target}. */
    NDArray forward(NDArray logProbabilities, NDArray target) {
        Shape shape = logProbabilities.getShape();
        int classDim = classDim(shape);
        long classes = shape.get(classDim);
        long ignored = checkTargets(target, classes);

        NDArray safeTarget = ignored == 0 ? target : NDArrays.where(target.eq(ignoreIndex), target.zerosLike(), target);
        NDArray picked = logProbabilities.gather(safeTarget.expandDims(classDim), classDim).squeeze(classDim);
        NDArray losses = picked.neg();
        NDArray targetWeights = null;
        if (weight != null) {
            targetWeights = weight.take(logProbabilities.getManager(), safeTarget).toType(losses.getDataType(), false);
            if (ignored > 0) {
                targetWeights = NDArrays.where(target.eq(ignoreIndex), targetWeights.zerosLike(), targetWeights);
            }
            losses = losses.mul(targetWeights);
        }
        if (ignored > 0) {
            losses = NDArrays.where(target.eq(ignoreIndex), losses.zerosLike(), losses);
        }
        return switch (reduction) {
            case NONE -> losses;
            case SUM -> losses.sum();
            case MEAN -> {
                if (targetWeights != null) {
                    yield losses.sum().div(targetWeights.sum());
                }
                if (ignored > 0) {
                    yield losses.sum().div(Torch.scalarLike(losses, target.size() - ignored));
                }
                yield losses.mean();
            }
        };
    }

    /**
     * Checks dtype and range, as {@code nll_loss} does (it names the first bad target).
     *
     * @return how many targets equal {@code ignoreIndex}
     */
    private long checkTargets(NDArray target, long classes) {
        if (target.getDataType() != DataType.INT64) {
            throw new IllegalArgumentException(loss + ": class-index targets must be int64 (PyTorch's Long), not "
                    + target.getDataType() + "; convert them with target.toType(DataType.INT64, false)");
        }
        long ignored = 0;
        for (long t : target.toLongArray()) {
            if (t == ignoreIndex) {
                ignored++;
            } else if (t < 0 || t >= classes) {
                throw new IllegalArgumentException(loss + ": target " + t + " is out of bounds for " + classes
                        + " classes (valid: 0 to " + (classes - 1) + ")");
            }
        }
        return ignored;
    }

    /** The error for a target PyTorch would refuse, naming both shapes. */
    static IllegalArgumentException targetShapeError(String loss, Shape input, Shape target, boolean probabilitiesAllowed) {
        return new IllegalArgumentException(loss + ": an input of shape " + input + " takes class indices of shape "
                + classIndexShape(input) + (probabilitiesAllowed ? " or class probabilities of shape " + input : "")
                + ", not a target of shape " + target);
    }
}
