package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MSELossTest {

    private static final float[] PREDICTION = {0, 1, 5, 10};
    private static final float[] TARGET = {1, 3, 5, 7};

    @Test
    void reductionsAreMeanSumAndNone() {
        // squared errors 1, 4, 0, 9: sum 14, mean 3.5
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(PREDICTION);
            NDArray t = m.create(TARGET);
            assertEquals(3.5, Torch.item(new MSELoss().forward(p, t)));
            assertEquals(14.0, Torch.item(new MSELoss(Reduction.SUM).forward(p, t)));
            assertArrayEquals(new float[] {1, 4, 0, 9}, new MSELoss(Reduction.NONE).forward(p, t).toFloatArray());
            assertEquals(3.5, new MSELoss().lazy(p, t).item());
            assertEquals(14.0, new MSELoss(Reduction.SUM).lazy(p, t).item());
        }
    }

    @Test
    void isTheMeanOfSquaredErrorsWithoutTorchL2LossHalf() {
        // (1-0)^2 + (3-1)^2 + (5-5)^2 + (7-10)^2 = 1 + 4 + 0 + 9 = 14; mean 3.5 (L2Loss would say 1.75)
        float[] prediction = {0, 1, 5, 10};
        float[] target = {1, 3, 5, 7};
        assertEquals(3.5, MSELoss.mean(prediction, target), 0);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MSELoss loss = new MSELoss()) {
            NDArray p = manager.create(prediction, new Shape(4, 1));
            NDArray t = manager.create(target, new Shape(4, 1));
            assertEquals(3.5f, loss.lazy(p, t).value().getFloat());
            assertEquals(3.5f, loss.recorded(p, t).getFloat());
            // d/dp mean((p - t)^2) = 2 (p - t) / 4
            assertArrayEquals(new float[] {-0.5f, -1f, 0f, 1.5f}, loss.lazy(p, t).gradient().toFloatArray());
        }
    }

    @Test
    void shapesPyTorchWouldBroadcastAreAnErrorNamingBoth() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray column = m.zeros(new Shape(2000, 1));
            NDArray vector = m.zeros(new Shape(2000));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MSELoss(Reduction.SUM).forward(column, vector));
            assertEquals("MSELoss: prediction shape (2000, 1) and target shape (2000) differ; "
                    + "PyTorch would broadcast them to (2000, 2000)", e.getMessage());
            IllegalArgumentException lazy = assertThrows(IllegalArgumentException.class,
                    () -> new MSELoss().lazy(m.zeros(new Shape(3)), m.zeros(new Shape(4))));
            assertEquals("MSELoss: prediction shape (3) and target shape (4) differ; they do not broadcast",
                    lazy.getMessage());
        }
    }

    /** The one-node backward of forward and lazy against autograd through the recorded sub, square, reduce. */
    @ParameterizedTest
    @EnumSource(value = Reduction.class, names = {"MEAN", "SUM"})
    void oneNodeBackwardGivesTheRecordedGradient(Reduction reduction) {
        try (NDManager m = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            Torch.manualSeed(5);
            Linear model = new Linear(m, 3, 1);
            NDArray x = Torch.randn(m, 20, 3);
            NDArray y = Torch.randn(m, 20, 1);
            MSELoss loss = new MSELoss(reduction);
            float[][] viaRecorded = gradients(model, () -> Torch.backward(loss.recorded(model.forward(x), y)));
            float[][] viaForward = gradients(model, () -> Torch.backward(loss.forward(model.forward(x), y)));
            float[][] viaLazy = gradients(model, () -> loss.lazy(model.forward(x), y).backward());
            for (int i = 0; i < viaRecorded.length; i++) {
                for (int k = 0; k < viaRecorded[i].length; k++) {
                    float tolerance = 1e-6f * Math.max(1, Math.abs(viaRecorded[i][k]));
                    assertEquals(viaRecorded[i][k], viaForward[i][k], tolerance);
                    assertEquals(viaRecorded[i][k], viaLazy[i][k], tolerance);
                }
            }
            // the loss used further in the graph: 3·loss
            float[][] tripled = gradients(model,
                    () -> Torch.backward(loss.forward(model.forward(x), y).mul(m.create(3f))));
            for (int i = 0; i < viaRecorded.length; i++) {
                for (int k = 0; k < viaRecorded[i].length; k++) {
                    assertEquals(3 * viaRecorded[i][k], tripled[i][k], 3e-6f * Math.max(1, Math.abs(viaRecorded[i][k])));
                }
            }
        }
    }

    private static float[][] gradients(Module model, Runnable backward) {
        model.zeroGrad();
        backward.run();
        return model.parameters().stream().map(p -> Torch.grad(p).toFloatArray()).toArray(float[][]::new);
    }
}
