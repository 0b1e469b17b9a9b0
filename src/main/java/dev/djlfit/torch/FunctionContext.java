package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * The {@code ctx} a {@link Function}'s forward and backward share: what forward saves for
 * backward ({@code ctx.save_for_backward(input)} and {@code ctx.saved_tensors}).
 */
public final class FunctionContext {

    private List<NDArray> saved = List.of();

    /** {@code ctx.save_for_backward(*tensors)}. */
    public void saveForBackward(NDArray... tensors) {
        saved = List.of(tensors);
    }

    /** {@code ctx.saved_tensors}. */
    public List<NDArray> savedTensors() {
        return saved;
    }

    /** {@code ctx.saved_tensors[index]}. */
    public NDArray saved(int index) {
        return saved.get(index);
    }
}
