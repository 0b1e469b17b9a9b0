package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.torch.TensorValues;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArticleTrainTest {

    private static final Architecture LINEAR = ModelKind.LINEAR.architecture(10, Nonlinearity.TANH);

    @Test
    void shortRunFitsTheLineData() {
        DataPoints line = ArticleData.LINEAR.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 0);
            LoopOutcome run = train(manager, fit, line, new TrainingSettings(2000, 0.01f, 0, 100));
            List<LossPoint> losses = run.losses();
            assertEquals(0, losses.get(0).step());
            assertEquals(1999, losses.get(losses.size() - 1).step());
            assertEquals(21, losses.size());
            assertTrue(losses.get(losses.size() - 1).loss() < 1e-6, "final loss " + losses.get(losses.size() - 1));
            assertTrue(losses.get(0).loss() > 1, "initial loss " + losses.get(0));
        }
    }

    @Test
    void oneStepIsOneSgdUpdateWithFreshGradients() {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 1);
            Map<String, TensorValues> before = fit.stateDict();
            train(manager, fit, data, new TrainingSettings(1, 0.01f, 1, 1));
            Map<String, TensorValues> afterOne = fit.stateDict();
            // the second step must use only its own gradient: compare with a fresh net given afterOne
            train(manager, fit, data, new TrainingSettings(1, 0.01f, 1, 1));
            Map<String, TensorValues> afterTwo = fit.stateDict();

            NNet replay = Nets.fromValues(manager, LINEAR, afterOne);
            train(manager, replay, data, new TrainingSettings(1, 0.01f, 1, 1));
            assertEquals(afterTwo, replay.stateDict(), "gradients leaked from one step into the next");
            assertNotEquals(before, afterOne);
        }
    }

    @Test
    void theGradientsAreZeroAfterEveryStep() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 2);
            train(manager, fit, ArticleData.QUADRATIC.dataset(), new TrainingSettings(3, 0.01f, 2, 1));
            for (NDArray p : fit.parameters()) {
                for (float g : p.getGradient().toFloatArray()) {
                    assertEquals(0f, g);
                }
            }
        }
    }

    @Test
    void nothingAStepCreatesOutlivesIt() {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, ModelKind.DEEP.architecture(10, Nonlinearity.TANH), 0);
            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            Article.train(fit, x, y, new TrainingSettings(10, 0.01f, 0, 5), TrainingObserver.NONE);
            int afterTen = manager.getManagedArrays().size();
            Article.train(fit, x, y, new TrainingSettings(2000, 0.01f, 0, 5), TrainingObserver.NONE);
            assertEquals(afterTen, manager.getManagedArrays().size());
        }
    }

    @Test
    void aDivergingRunStopsWithTheStep() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 0);
            DivergedException e = assertThrows(DivergedException.class,
                    () -> train(manager, fit, ArticleData.QUADRATIC.dataset(), new TrainingSettings(5000, 1f, 0, 10)));
            assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
        }
    }

    private static LoopOutcome train(NDManager manager, NNet fit, DataPoints data, TrainingSettings config) {
        NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
        NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
        return Article.train(fit, x, y, config, TrainingObserver.NONE);
    }
}
