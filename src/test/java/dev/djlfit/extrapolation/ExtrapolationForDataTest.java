package dev.djlfit.extrapolation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExtrapolationForDataTest {

    @Test
    void rangesAndProbesComeFromTheData() {
        Extrapolation e = Extrapolation.forData(2, 5, null, null, null);
        assertEquals(new Range(2, 5, true), e.interpolation());
        assertEquals(new Range(5, 8, false), e.extrapolation());
        assertArrayEquals(new float[] {3.5f, 8f}, e.probes());
        assertTrue(e.curve().from() < 2 && e.curve().to() > 8);
    }

    @Test
    void givenRangesAndProbesWin() {
        Extrapolation e = Extrapolation.forData(0, 3, new Range(0, 3, true), new Range(3, 10, false), new float[] {2.5f, 10f});
        Extrapolation article = Extrapolation.article();
        assertEquals(article.interpolation(), e.interpolation());
        assertEquals(article.extrapolation(), e.extrapolation());
        assertArrayEquals(article.probes(), e.probes());
    }

    @Test
    void reportsErrorsOfAnyPredictor() {
        Extrapolation e = Extrapolation.forData(0, 1, null, null, null);
        Truth truth = new Truth("x", x -> x);
        ExtrapolationReport report = e.evaluate(truth, xs -> {
            float[] ys = new float[xs.length];
            for (int i = 0; i < xs.length; i++) {
                ys[i] = xs[i] + 1;
            }
            return ys;
        });
        assertEquals(1.0, report.interpolationRmse(), 1e-6);
        assertEquals(1.0, report.extrapolationRmse(), 1e-6);
        assertEquals(2, report.probes().size());
        assertEquals(1.0, report.probe(0.5).absoluteError(), 1e-6);
        assertEquals(e.evaluationPoints().length, 2 + 2 * Range.GRID_POINTS);
    }
}
