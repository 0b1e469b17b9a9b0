package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Nothing hops between devices in the loop: inside a training step, every array the run owns (data,
 * parameters, gradients, the learning rate, the backward seed and the step's intermediate results)
 * is on the run's device. On a machine without a GPU this can only see the CPU; on a GPU machine run
 * it with {@code -Ddjlfit.test.device=gpu} to check the GPU placement for real.
 */
class DevicePlacementTest {

    private static final Device DEVICE = Device.fromName(System.getProperty("djlfit.test.device", "cpu"));

    @Test
    void everyArrayOfATrainingStepLivesOnTheRunsDevice() {
        ExperimentSpec deep = Experiments.article().get(3);
        List<String> misplaced = new ArrayList<>();
        int[] arraysSeen = new int[1];
        try (NDManager manager = NDManager.newBaseManager(DEVICE)) {
            NNet fit = Nets.initialise(manager, deep.architecture(), 0);
            NDArray x = manager.create(deep.data().x(), new Shape(deep.data().size(), 1));
            NDArray y = manager.create(deep.data().y(), new Shape(deep.data().size(), 1));
            TrainingObserver inspector = new TrainingObserver() {
                @Override
                public void progressed(int stepsDone, float loss) {
                    // called inside the step, while the step's arrays are alive
                    for (NDArray array : manager.getManagedArrays()) {
                        arraysSeen[0]++;
                        if (!array.getDevice().equals(DEVICE)) {
                            misplaced.add(array.getName() + " " + array.getShape() + " on " + array.getDevice());
                        }
                    }
                    for (NDArray p : fit.parameters()) {
                        if (!p.getGradient().getDevice().equals(DEVICE)) {
                            misplaced.add("gradient of " + p.getName() + " on " + p.getGradient().getDevice());
                        }
                    }
                }
            };
            TrainingSettings config = new TrainingSettings(3, 0.01f, 0, 1);
            Article.train(fit, x, y, config, inspector);

            for (NDArray p : fit.parameters()) {
                assertEquals(DEVICE, p.getDevice(), p.getName());
                assertEquals(DEVICE, p.getGradient().getDevice(), "gradient of " + p.getName());
            }
        }
        assertEquals(List.of(), misplaced);
        // 6 parameters, x, y, the learning rate, the backward seed and the step's own results, 3 times
        assertTrue(arraysSeen[0] >= 3 * 10, "the inspector saw the step's arrays: " + arraysSeen[0]);
    }
}
