package dev.djlfit.torch.data;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.EngineDefaults;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last)}, single-process,
 * with the default collate: {@code for (Batch b : loader)} reads like {@code for X, y in loader}.
 *
 * <p>Random draws as PyTorch 1.13 makes them (tested; 2.x's sampler and randperm kernel read the
 * same, see docs/torch-kit.md): each iteration takes one int64 draw from the global generator for the iterator's base
 * seed, whether or not it shuffles; with {@code shuffle} the first batch then takes a second one,
 * the sampler's seed, and the order is {@code randperm(n)} on a fresh generator seeded with it. So
 * after {@code torch.manual_seed(s)} the batches, and every draw after the loop, are PyTorch's.
 *
 * <p>Memory: a batch's arrays, and whatever else was made on the batch's manager (results whose
 * first input was the batch), are freed when the next batch is drawn, when the loop ends, or when
 * the loader is iterated again. A plain loop over epochs keeps memory flat; read values out
 * ({@code Torch.item}) or copy arrays to another manager to keep them longer.
 */
public final class DataLoader implements Iterable<Batch> {

    static {
        EngineDefaults.ensure();
    }

    private final Dataset<Sample> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private Batches open;

    /** {@code DataLoader(dataset, batch_size)}: in order, the last batch possibly smaller. */
    public DataLoader(Dataset<Sample> dataset, int batchSize) {
        this(dataset, batchSize, false, false);
    }

    public DataLoader(Dataset<Sample> dataset, int batchSize, boolean shuffle, boolean dropLast) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        if (shuffle && dataset.size() <= 0) {
            throw new IllegalArgumentException("num_samples should be a positive integer value, but got num_samples=" + dataset.size());
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
    }

    public Dataset<Sample> dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** {@code len(dataloader)}: the number of batches. */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** {@code iter(dataloader)}: draws the base seed now; frees the previous iteration's batch. */
    @Override
    public Iterator<Batch> iterator() {
        if (open != null) {
            open.release();
        }
        open = new Batches();
        return open;
    }

    private final class Batches implements Iterator<Batch> {

        private final int n = dataset.size();
        private final int count = size();
        private int[] order;
        private int drawn;
        private NDManager current;

        Batches() {
            GlobalGenerator.randomInt64();
        }

        @Override
        public boolean hasNext() {
            if (drawn < count) {
                return true;
            }
            release();
            return false;
        }

        @Override
        public Batch next() {
            if (drawn >= count) {
                release();
                throw new NoSuchElementException("the loader's " + count + " batches are all drawn");
            }
            release();
            if (order == null) {
                order = shuffle ? Randperm.randperm(n, GlobalGenerator.randomInt64()) : identity(n);
            }
            int from = drawn * batchSize;
            int[] indices = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
            drawn++;
            current = NDManager.newBaseManager(device(), "PyTorch");
            return dataset instanceof BatchedDataset batched
                    ? batched.getBatch(indices, current)
                    : Collate.collate(dataset, indices, current);
        }

        void release() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    private Device device() {
        return dataset instanceof BatchedDataset batched ? batched.device() : Device.cpu();
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
