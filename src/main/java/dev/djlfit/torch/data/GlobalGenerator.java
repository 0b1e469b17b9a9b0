package dev.djlfit.torch.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;

/** Draws from libtorch's global CPU generator, the one {@code torch.manual_seed} seeds. */
final class GlobalGenerator {

    private GlobalGenerator() {}

    /**
     * {@code torch.empty((), dtype=torch.int64).random_().item()}: one 64-bit draw, reduced to
     * [0, 2⁶³). libtorch's {@code randint(-2⁶³, 0)} takes the same single 64-bit draw and reduces it
     * modulo 2⁶³ before adding −2⁶³; adding 2⁶³ back gives {@code random_()}'s value.
     */
    static long randomInt64() {
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu(), "PyTorch");
                NDArray drawn = JniUtils.randint((PtNDManager) cpu, Long.MIN_VALUE, 0, new Shape(),
                        DataType.INT64, Device.cpu())) {
            return drawn.toLongArray()[0] - Long.MIN_VALUE;
        }
    }
}
