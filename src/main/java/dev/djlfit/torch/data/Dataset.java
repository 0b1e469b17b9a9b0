package dev.djlfit.torch.data;

/**
 * {@code torch.utils.data.Dataset}: a map-style dataset, {@code len(ds)} and {@code ds[i]}.
 *
 * @param <T> what one item is; a {@link DataLoader} takes datasets of {@link Sample}s
 */
public interface Dataset<T> {

    /** {@code len(dataset)}. */
    int size();

    /** {@code dataset[index]}, for 0 ≤ index &lt; {@link #size()}. */
    T get(int index);
}
