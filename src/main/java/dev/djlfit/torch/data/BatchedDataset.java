package dev.djlfit.torch.data;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * A dataset that gathers a whole batch at once (PyTorch 2's {@code __getitems__} followed by the
 * collate), so that a {@link DataLoader} makes one array per batch instead of one per item. The
 * batch must equal what collating {@link #get} item by item would give, bit for bit.
 */
public interface BatchedDataset extends Dataset<Sample> {

    /** The items at {@code indices}, in that order, collated; the arrays belong to {@code manager}. */
    Batch getBatch(int[] indices, NDManager manager);

    /** Where the batches' arrays live. */
    default Device device() {
        return Device.cpu();
    }
}
