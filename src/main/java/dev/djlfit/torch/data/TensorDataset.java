package dev.djlfit.torch.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * {@code torch.utils.data.TensorDataset(x, y)}: item {@code i} is {@code (x[i], y[i])}. A loader
 * gathers its batches with one indexing per array, {@code x[indices]}, which equals stacking the
 * items.
 */
public final class TensorDataset implements BatchedDataset {

    private final NDArray x;
    private final NDArray y;

    public TensorDataset(NDArray x, NDArray y) {
        if (x.getShape().dimension() == 0 || y.getShape().dimension() == 0
                || x.getShape().get(0) != y.getShape().get(0)) {
            throw new IllegalArgumentException("Size mismatch between tensors: " + x.getShape() + " and " + y.getShape());
        }
        this.x = x;
        this.y = y;
    }

    public NDArray x() {
        return x;
    }

    public NDArray y() {
        return y;
    }

    @Override
    public int size() {
        return Math.toIntExact(x.getShape().get(0));
    }

    /** {@code (x[index], y[index])}: arrays on {@code x}'s and {@code y}'s managers; close them when done. */
    @Override
    public Sample get(int index) {
        return new Sample(x.get(index), y.get(index));
    }

    @Override
    public Batch getBatch(int[] indices, NDManager manager) {
        long[] rows = new long[indices.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = indices[i];
        }
        try (NDArray index = manager.create(rows)) {
            NDArray bx = x.get(index);
            NDArray by = y.get(index);
            bx.attach(manager);
            by.attach(manager);
            return new Batch(bx, by);
        }
    }

    @Override
    public Device device() {
        return x.getDevice();
    }
}
