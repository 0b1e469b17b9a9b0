package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.nn.LogSoftmax(dim)}: log(softmax(x)) along {@code dim}, in one numerically stable
 * step (libtorch's {@code log_softmax}: x − max − log(sum(exp(x − max)))), so logits of ±100 give
 * finite values where log(softmax(x)) would give −inf.
 */
public final class LogSoftmax extends Module {

    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.logSoftmax(Dims.resolve("LogSoftmax", dim, x.getShape()));
    }

    public int dim() {
        return dim;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
