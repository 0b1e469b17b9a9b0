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
import dev.djlfit.data.ArticleData;
import dev.djlfit.data.Dataset;
import dev.djlfit.model.Activation;
import dev.djlfit.model.Architecture;
import dev.djlfit.model.ModelKind;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.training.LossPoint;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingDivergedException;
import dev.djlfit.training.TrainingListener;
import dev.djlfit.training.TrainingRun;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArticleTrainTest {

    private static final Architecture LINEAR = ModelKind.LINEAR.architecture(10, Activation.TANH);

    @Test
    void shortRunFitsTheLineData() {
        Dataset line = ArticleData.LINEAR.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 0);
            TrainingRun run = train(manager, fit, line, new TrainingConfig(2000, 0.01f, 0, 100));
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
        Dataset data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 1);
            Map<String, TensorValues> before = fit.stateDict();
            train(manager, fit, data, new TrainingConfig(1, 0.01f, 1, 1));
            Map<String, TensorValues> afterOne = fit.stateDict();
            // the second step must use only its own gradient: compare with a fresh net given afterOne
            train(manager, fit, data, new TrainingConfig(1, 0.01f, 1, 1));
            Map<String, TensorValues> afterTwo = fit.stateDict();

            NNet replay = Nets.fromValues(manager, LINEAR, afterOne);
            train(manager, replay, data, new TrainingConfig(1, 0.01f, 1, 1));
            assertEquals(afterTwo, replay.stateDict(), "gradients leaked from one step into the next");
            assertNotEquals(before, afterOne);
        }
    }

    @Test
    void theGradientsAreZeroAfterEveryStep() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 2);
            train(manager, fit, ArticleData.QUADRATIC.dataset(), new TrainingConfig(3, 0.01f, 2, 1));
            for (NDArray p : fit.parameters()) {
                for (float g : p.getGradient().toFloatArray()) {
                    assertEquals(0f, g);
                }
            }
        }
    }

    @Test
    void nothingAStepCreatesOutlivesIt() {
        Dataset data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, ModelKind.DEEP.architecture(10, Activation.TANH), 0);
            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            Article.train(fit, x, y, new TrainingConfig(10, 0.01f, 0, 5), TrainingListener.NONE);
            int afterTen = manager.getManagedArrays().size();
            Article.train(fit, x, y, new TrainingConfig(2000, 0.01f, 0, 5), TrainingListener.NONE);
            assertEquals(afterTen, manager.getManagedArrays().size());
        }
    }

    @Test
    void aDivergingRunStopsWithTheStep() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.initialise(manager, LINEAR, 0);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> train(manager, fit, ArticleData.QUADRATIC.dataset(), new TrainingConfig(5000, 1f, 0, 10)));
            assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
        }
    }

    private static TrainingRun train(NDManager manager, NNet fit, Dataset data, TrainingConfig config) {
        NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
        NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
        return Article.train(fit, x, y, config, TrainingListener.NONE);
    }
}
