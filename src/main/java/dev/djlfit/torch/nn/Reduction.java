package dev.djlfit.torch.nn;

/** A loss's {@code reduction=}: {@code 'mean'} (PyTorch's default), {@code 'sum'} or {@code 'none'}. */
public enum Reduction {
    MEAN,
    SUM,
    NONE
}
