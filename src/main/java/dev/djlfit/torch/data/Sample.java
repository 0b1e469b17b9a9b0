package dev.djlfit.torch.data;

import ai.djl.ndarray.NDArray;

/**
 * One item of a dataset, the {@code (x, y)} pair a PyTorch dataset returns. A class label is a
 * 0-d int64 array (a Python int becomes one when collated).
 */
public record Sample(NDArray x, NDArray y) {}
