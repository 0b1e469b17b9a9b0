package dev.djlfit.torch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Scatter;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.vision.TorchvisionForTests;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** {@link ToTensor}, {@link Lambda}, {@link Compose} and the one-hot target against torchvision 0.14 / torch 1.13. */
class TransformsParityTest {

    @Test
    void toTensorGivesTorchvisionsFloatsForEveryByteGreyAndRgb() {
        List<String> python = TorchvisionForTests.run("""
                import numpy as np
                import torch
                from PIL import Image
                from torchvision.transforms import ToTensor
                grey = Image.fromarray(np.arange(256, dtype=np.uint8).reshape(16, 16), mode='L')
                rgb = Image.fromarray(np.arange(48, dtype=np.uint8).reshape(4, 4, 3) * 5, mode='RGB')
                for image in (grey, rgb):
                    t = ToTensor()(image)
                    print('x'.join(map(str, t.shape)), ' '.join(map(str, t.view(torch.int32).flatten().tolist())))
                """);
        List<String> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] grey = new byte[256];
            byte[] rgb = new byte[48];
            for (int i = 0; i < 256; i++) {
                grey[i] = (byte) i;
            }
            for (int i = 0; i < 48; i++) {
                rgb[i] = (byte) (i * 5);
            }
            java.add(line(new ToTensor().apply(uint8(manager, grey, 16, 16))));
            java.add(line(new ToTensor().apply(uint8(manager, rgb, 4, 4, 3))));
        }
        assertEquals(python, java);
    }

    /** Why ToTensor divides: the product with a float32 1/255 differs from the quotient for some bytes. */
    @Test
    void divisionIsNotTheProductWithAReciprocal() {
        int differ = 0;
        for (int v = 0; v < 256; v++) {
            assertEquals(Float.floatToRawIntBits(v / 255f), Float.floatToRawIntBits(ToTensor.scaled((byte) v)));
            if (v * (1f / 255f) != v / 255f) {
                differ++;
            }
        }
        assertEquals(true, differ > 0, "some bytes scale differently by multiplication");
    }

    @Test
    void theTutorialsOneHotTargetTransformIsTorchs() {
        List<String> python = TorchvisionForTests.run("""
                import torch
                from torchvision.transforms import Lambda
                one_hot = Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))
                for y in range(10):
                    t = one_hot(y)
                    print(t.dtype, ' '.join(map(str, t.tolist())))
                """);
        List<String> java = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Lambda<Integer, NDArray> oneHot = new Lambda<>(y -> Scatter.scatter_(Torch.zeros(m, 10), 0, m.create((long) y), 1));
            for (int y = 0; y < 10; y++) {
                NDArray t = oneHot.apply(y);
                StringBuilder line = new StringBuilder(t.getDataType() == DataType.FLOAT32 ? "torch.float32" : "?");
                for (float v : t.toFloatArray()) {
                    line.append(' ').append((double) v);
                }
                java.add(line.toString());
            }
        }
        assertEquals(python, java);
    }

    @Test
    void scatterWritesInPlaceAndReturnsItsTarget() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = Torch.zeros(m, 2, 3);
            NDArray index = m.create(new long[] {2, 0}, new Shape(2, 1));
            assertSame(target, Scatter.scatter_(target, 1, index, 7));
            assertEquals(m.create(new float[] {0, 0, 7, 7, 0, 0}, new Shape(2, 3)), target);
        }
    }

    @Test
    void composeAppliesInOrderAndToTensorRejectsFloats() {
        try (NDManager m = NDManager.newBaseManager()) {
            Compose<NDArray> compose = new Compose<>(new ToTensor(), new Lambda<>(x -> x.mul(2)));
            NDArray out = compose.apply(uint8(m, new byte[] {(byte) 255, 51}, 1, 2));
            assertEquals(new Shape(1, 1, 2), out.getShape());
            assertEquals(2f, out.toFloatArray()[0]);
            assertEquals(2 * (51 / 255f), out.toFloatArray()[1]);
            assertThrows(IllegalArgumentException.class, () -> new ToTensor().apply(Torch.zeros(m, 2, 2)));
        }
    }

    private static NDArray uint8(NDManager manager, byte[] values, long... shape) {
        return manager.create(ByteBuffer.wrap(values), new Shape(shape), DataType.UINT8);
    }

    private static String line(NDArray tensor) {
        long[] shape = tensor.getShape().getShape();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : "x").append(shape[i]);
        }
        out.append(' ');
        float[] values = tensor.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : " ").append(Float.floatToRawIntBits(values[i]));
        }
        return out.toString();
    }
}
