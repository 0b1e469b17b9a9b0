package dev.djlfit.torch.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.function.IntFunction;

/**
 * {@code torch.utils.data.default_collate} for datasets of {@link Sample}s: stacks the items'
 * arrays along a new dimension 0. What the items' {@code get} made is freed once stacked.
 */
public final class Collate {

    private Collate() {}

    /** The items at {@code indices} collated into one batch owned by {@code manager}. */
    public static Batch collate(Dataset<Sample> dataset, int[] indices, NDManager manager) {
        try (NDScope items = new NDScope()) {
            NDList xs = new NDList(indices.length);
            NDList ys = new NDList(indices.length);
            for (int index : indices) {
                Sample sample = dataset.get(index);
                xs.add(sample.x());
                ys.add(sample.y());
            }
            return new Batch(keep(NDArrays.stack(xs), manager), keep(NDArrays.stack(ys), manager));
        }
    }

    /**
     * {@code torch.stack([item(i) for i in indices])} into {@code manager}: for one part of a
     * batch that a {@link BatchedDataset} cannot gather directly (a user's transform, say).
     */
    public static NDArray stack(int[] indices, IntFunction<NDArray> item, NDManager manager) {
        try (NDScope items = new NDScope()) {
            NDList parts = new NDList(indices.length);
            for (int index : indices) {
                parts.add(item.apply(index));
            }
            return keep(NDArrays.stack(parts), manager);
        }
    }

    private static NDArray keep(NDArray array, NDManager manager) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }
}
