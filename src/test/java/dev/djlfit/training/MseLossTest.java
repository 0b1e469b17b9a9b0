package dev.djlfit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class MseLossTest {

    @Test
    void isTheMeanOfSquaredErrorsWithoutTorchL2LossHalf() {
        // (1-0)^2 + (3-1)^2 + (5-5)^2 + (7-10)^2 = 1 + 4 + 0 + 9 = 14; mean 3.5 (L2Loss would say 1.75)
        float[] prediction = {0, 1, 5, 10};
        float[] target = {1, 3, 5, 7};
        assertEquals(3.5, MseLoss.of(prediction, target), 0);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float loss = new MseLoss()
                    .apply(manager.create(prediction, new Shape(4, 1)), manager.create(target, new Shape(4, 1)))
                    .getFloat();
            assertEquals(3.5f, loss);
        }
    }
}
