package dev.djlfit.torch.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch from a {@link DataLoader}: the items' {@code x} stacked along a new dimension 0, and
 * their {@code y} likewise (class labels become an int64 vector), as PyTorch's default collate
 * gives them.
 */
public record Batch(NDArray x, NDArray y) {

    /** How many items the batch holds ({@code len(X)}): the last batch may hold fewer. */
    public int size() {
        return (int) x.getShape().get(0);
    }
}
