package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/** {@code torch.nn.Tanh()}. */
public final class Tanh extends Module {
    @Override
    public NDArray forward(NDArray x) {
        return x.tanh();
    }
}
