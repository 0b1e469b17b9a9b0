package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    private static DivergedException diverge(float lr, int lossEvery) {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        TrainingSettings config = new TrainingSettings(2000, lr, 0, lossEvery);
        try (NDManager manager = NDManager.newBaseManager()) {
            NNet fit = Nets.initialise(manager, ModelKind.LINEAR.architecture(10, Nonlinearity.TANH), 0);
            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            return assertThrows(DivergedException.class,
                    () -> Article.train(fit, x, y, config, TrainingObserver.NONE));
        }
    }

    @Test
    void lossGrowingByOrdersOfMagnitudeStopsTraining() {
        DivergedException e = diverge(0.05f, 1);
        assertTrue(Float.isFinite(e.loss()), "caught while still finite: " + e.loss());
        assertTrue(e.getMessage().startsWith("training diverged at step " + e.step() + ": loss grew to "), e.getMessage());
        assertTrue(e.getMessage().contains("more than 10000 times its"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; try a smaller --lr (learning rate), or --normalize for data of large scale"));
    }

    @Test
    void nanLossStopsTrainingAtARecordedStep() {
        DivergedException e = diverge(5f, 100);
        assertEquals(0, e.step() % 100, "checked at recorded steps");
        assertTrue(e.step() > 0);
        assertTrue(e.getMessage().contains("training diverged at step " + e.step() + ": loss "), e.getMessage());
    }
}
