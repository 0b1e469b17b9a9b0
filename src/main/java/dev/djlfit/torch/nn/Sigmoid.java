package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/** {@code torch.nn.Sigmoid()}. */
public final class Sigmoid extends Module {
    @Override
    public NDArray forward(NDArray x) {
        return ai.djl.nn.Activation.sigmoid(x);
    }
}
