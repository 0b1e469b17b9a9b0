package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.TensorValues;
import dev.djlfit.report.ResultJson;
import dev.djlfit.training.LossPoint;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comparison's arithmetic on made-up runs: it must see every kind of difference. */
class ParityComparisonTest {

    private static final TensorValues X = TensorValues.vector(0, 1, 2, 3, 2.5f, 10);

    private static ResultJson run(int seed, float w0, float finalBias, float loss, float y10, long[] weightShape) {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("l1.weight", new TensorValues(weightShape, new float[] {w0, 0.5f}));
        initial.put("l1.bias", TensorValues.vector(0.25f));
        Map<String, TensorValues> fin = new LinkedHashMap<>();
        fin.put("l1.weight", new TensorValues(weightShape, new float[] {1, 2}));
        fin.put("l1.bias", TensorValues.vector(finalBias));
        return new ResultJson("tanh-quadratic", seed, 1001, 0.01, 10, "tanh", "test", initial, fin,
                List.of(new LossPoint(0, 100), new LossPoint(1000, loss)),
                X, TensorValues.vector(1, 6, 17, 34, 27, y10), 1.0);
    }

    private static ResultJson run(float w0, float finalBias, float loss, float y10) {
        return run(0, w0, finalBias, loss, y10, new long[] {2, 1});
    }

    @Test
    void identicalRunsAreBitEqualWithNoDifference() {
        ParityComparison c = ParityComparison.of(run(0.1f, 3, 2, 38), run(0.1f, 3, 2, 38));
        assertTrue(c.initialBitEqual());
        assertEquals(0, c.initialMaxAbs());
        assertEquals(0, c.finalMaxAbs());
        assertEquals(0, c.loss().maxRelative());
        assertEquals(0, c.predictionMaxAbs());
        assertTrue(c.verdict(new Tolerances(0, 0, 0, 0)).passed());
    }

    @Test
    void oneUlpInAnInitialWeightIsNotBitEqualAndFailsAnExactTolerance() {
        ParityComparison c = ParityComparison.of(run(Math.nextUp(0.1f), 3, 2, 38), run(0.1f, 3, 2, 38));
        assertFalse(c.initialBitEqual());
        assertEquals(Math.ulp(0.1f), c.initialMaxAbs(), 0);
        Verdict verdict = c.verdict(new Tolerances(0, 1, 1, 1));
        assertFalse(verdict.passed());
        assertTrue(verdict.failures().get(0).startsWith("initial parameters"), verdict.failures().toString());
    }

    @Test
    void measuresFinalParametersLossAndPredictions() {
        ParityComparison c = ParityComparison.of(run(0.1f, 3.5f, 2.2f, 40), run(0.1f, 3, 2, 38));
        assertEquals(0.5, c.finalMaxAbs(), 0);
        assertEquals(0.1, c.loss().maxRelative(), 1e-6);
        assertEquals(1000, c.loss().worstStep());
        assertEquals(2, c.predictionMaxAbs(), 0);
        assertEquals(2.0 / 38, c.newPredictionMaxScaled(), 1e-9);
        assertEquals(0, c.trainingPredictionMaxScaled());
        assertTrue(c.verdict(new Tolerances(0, 0.5, 0.06, 0.06)).passed());
        Verdict verdict = c.verdict(new Tolerances(0, 0.4, 0.06, 0.05));
        assertEquals(2, verdict.failures().size(), verdict.failures().toString());
    }

    @Test
    void differentShapesAreAnInfiniteDifference() {
        ParityComparison c = ParityComparison.of(run(0, 0.1f, 3, 2, 38, new long[] {1, 2}), run(0.1f, 3, 2, 38));
        assertEquals(Double.POSITIVE_INFINITY, c.initialMaxAbs());
        assertFalse(c.verdict(new Tolerances(1, 1, 1, 1)).passed());
    }

    @Test
    void runsOfDifferentSeedsAreNotCompared() {
        assertThrows(IllegalArgumentException.class,
                () -> ParityComparison.of(run(1, 0.1f, 3, 2, 38, new long[] {2, 1}), run(0.1f, 3, 2, 38)));
    }
}
