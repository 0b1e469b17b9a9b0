package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: dimensions start_dim ... end_dim merged into
 * one; negative dimensions count from the end.
 */
public final class Flatten extends Module {

    private final int startDim;
    private final int endDim;

    /** {@code torch.nn.Flatten()}: all but the batch dimension. */
    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public NDArray forward(NDArray x) {
        Shape shape = x.getShape();
        int rank = shape.dimension();
        if (rank == 0) {
            return x.reshape(1);
        }
        int start = dim(startDim, rank);
        int end = dim(endDim, rank);
        if (start > end) {
            throw new IllegalArgumentException("Flatten: start_dim " + startDim + " comes after end_dim " + endDim
                    + " for a tensor of shape " + shape);
        }
        if (start == end) {
            return x;
        }
        long[] out = new long[rank - (end - start)];
        int k = 0;
        for (int d = 0; d < start; d++) {
            out[k++] = shape.get(d);
        }
        long merged = 1;
        for (int d = start; d <= end; d++) {
            merged *= shape.get(d);
        }
        out[k++] = merged;
        for (int d = end + 1; d < rank; d++) {
            out[k++] = shape.get(d);
        }
        return x.reshape(new Shape(out));
    }

    private static int dim(int d, int rank) {
        int resolved = d < 0 ? d + rank : d;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException("Flatten: dimension " + d + " out of range for rank " + rank);
        }
        return resolved;
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
