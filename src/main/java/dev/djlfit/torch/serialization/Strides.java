package dev.djlfit.torch.serialization;

/** Strides, in elements, as PyTorch computes them. */
final class Strides {

    private Strides() {}

    /** A contiguous (row-major) tensor's strides; a size-0 dimension counts as 1, as in PyTorch. */
    static long[] contiguous(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= Math.max(shape[d], 1);
        }
        return strides;
    }
}
