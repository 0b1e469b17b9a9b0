package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/** {@code torch.nn.ReLU()}. */
public final class ReLU extends Module {
    @Override
    public NDArray forward(NDArray x) {
        return ai.djl.nn.Activation.relu(x);
    }
}
