package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.djlfit.article.data.ArticleData;

import ai.djl.Device;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EquivalentLineTest {

    @Test
    void collapsedLineGivesTheLinearNetsPredictions() {
        ExperimentResult result = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.LINEAR, ArticleData.QUADRATIC.dataset(), 10, Nonlinearity.TANH),
                new TrainingSettings(300, 0.01f, 4, 100), TrainingObserver.NONE);
        EquivalentLine line = result.equivalentLine().orElseThrow();
        float[] xs = result.curve().x().values();
        float[] ys = result.curve().y().values();
        for (int i = 0; i < xs.length; i++) {
            assertEquals(ys[i], line.at(xs[i]), 1e-4 * Math.max(1, Math.abs(ys[i])), "x = " + xs[i]);
        }
    }

    @Test
    void printsWithTheSignSpelledOut() {
        assertEquals("y = 11.0000x - 2.0000", new EquivalentLine(11, -2).describe());
        assertEquals("y = 2.0000x + 1.0000", new EquivalentLine(2.00001, 0.99999).describe());
    }

    @Test
    void aNetWithAnActivationIsNoLine() {
        assertThrows(IllegalArgumentException.class,
                () -> EquivalentLine.of(ModelKind.TANH.architecture(10, Nonlinearity.TANH), Map.of()));
    }
}
