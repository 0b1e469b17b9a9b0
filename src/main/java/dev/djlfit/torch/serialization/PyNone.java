package dev.djlfit.torch.serialization;

/** Python's {@code None} read from a pickle. */
enum PyNone {
    NONE
}
