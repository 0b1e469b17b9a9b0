package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** Integer tensors and suffixes as PyTorch 1.13 prints them (expected strings from torch 1.13's repr). */
class TorchFormatIntegersTest {

    @Test
    void integerTensorsPrintAsInts() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("tensor([[1, 1],\n        [1, 1]])", PyFormat.tensor(m.create(new long[][] {{1, 1}, {1, 1}})));
            assertEquals("tensor([  3, -12,   7])", PyFormat.tensor(m.create(new long[] {3, -12, 7})));
            assertEquals("tensor(5)", PyFormat.tensor(m.create(5L)));
            assertEquals("tensor([1, 2], dtype=torch.int32)", PyFormat.tensor(m.create(new int[] {1, 2})));
            assertEquals("tensor([2., 2.], dtype=torch.float64)", PyFormat.tensor(m.create(new double[] {2, 2})));
            assertEquals("tensor([0, 1], dtype=torch.uint8)",
                    PyFormat.tensor(m.create(new int[] {0, 1}).toType(DataType.UINT8, false)));
        }
    }

    @Test
    void aSuffixThatWouldPassTheLineWidthGoesOnALineOfItsOwn() {
        float[] row = new float[10];
        java.util.Arrays.fill(row, -0.5f);
        String printed = TorchFormat.tensor(new TensorValues(new long[] {1, 10}, row), "grad_fn=<SliceBackward0>");
        assertEquals("tensor([[-0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000,\n"
                + "         -0.5000, -0.5000]], grad_fn=<SliceBackward0>)", printed);
        float[] wide = new float[8];
        java.util.Arrays.fill(wide, -0.5f);
        assertEquals("tensor([[-0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000]],\n"
                + "       grad_fn=<SliceBackward0>)",
                TorchFormat.tensor(new TensorValues(new long[] {1, 8}, wide), "grad_fn=<SliceBackward0>"));
    }
}
