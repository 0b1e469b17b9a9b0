package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** {@code str(x.shape)} and {@code str(x.dtype)} as PyTorch prints them. */
class TensorAttributesTest {

    @Test
    void shapesAndDtypesReadAsPyTorchPrintsThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("torch.Size([64, 1, 28, 28])", TensorAttributes.shape(m.zeros(new ai.djl.ndarray.types.Shape(64, 1, 28, 28))));
            assertEquals("torch.Size([])", TensorAttributes.shape(m.create(1f)));
            assertEquals("torch.float32", TensorAttributes.dtype(m.create(1f)));
            assertEquals("torch.int64", TensorAttributes.dtype(m.create(new long[] {3})));
            assertEquals("torch.uint8", TensorAttributes.dtype(m.create(new byte[] {1}).toType(DataType.UINT8, false)));
            assertEquals("torch.bool", TensorAttributes.dtype(m.create(new boolean[] {true})));
        }
    }
}
