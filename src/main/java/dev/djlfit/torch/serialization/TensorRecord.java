package dev.djlfit.torch.serialization;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} rebuilds it: a view of {@code storage}
 * starting at element {@code offset}, with {@code size} and {@code stride} in elements.
 */
record TensorRecord(StorageRef storage, long offset, long[] size, long[] stride) {

    /** @throws ArithmeticException where the sizes overflow (a damaged file) */
    long numel() {
        long n = 1;
        for (long s : size) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** Whether the view reads its elements in storage order, one after another. */
    boolean contiguous() {
        long[] expected = Strides.contiguous(size);
        for (int d = 0; d < size.length; d++) {
            if (size[d] != 1 && stride[d] != expected[d]) {
                return false;
            }
        }
        return true;
    }
}
