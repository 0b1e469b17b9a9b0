package dev.djlfit.torch.nn;

import ai.djl.ndarray.types.Shape;

/** A dimension argument checked against a tensor's shape, negative ones counting from the end. */
final class Dims {

    private Dims() {}

    /** {@code dim} resolved for {@code shape} (a 0-d tensor takes dim 0 or -1, as in PyTorch). */
    static int resolve(String who, int dim, Shape shape) {
        int rank = Math.max(1, shape.dimension());
        int resolved = dim < 0 ? dim + rank : dim;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException(who + ": dim " + dim + " is out of range for a tensor of shape " + shape
                    + " (expected a dim in [" + -rank + ", " + (rank - 1) + "])");
        }
        return resolved;
    }
}
