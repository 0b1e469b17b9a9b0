package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.nn.Softmax(dim)}: exp(x) / sum(exp(x)) along {@code dim}, computed as libtorch's
 * {@code softmax} computes it (the maximum subtracted first). The dimension is required: PyTorch's
 * {@code dim=None} guesses one and warns.
 */
public final class Softmax extends Module {

    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.softmax(Dims.resolve("Softmax", dim, x.getShape()));
    }

    public int dim() {
        return dim;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
