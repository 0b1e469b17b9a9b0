package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.extrapolation.PointError;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.program.Trace;
import dev.djlfit.article.ArticleExperiment;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comparison's arithmetic on made-up article runs: it must see every kind of difference. */
class ParityComparisonTest {

    private static Trace run(int seed, float w0, float finalBias, float loss, float y10, long[] weightShape) {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("l1.weight", new TensorValues(weightShape, new float[] {w0, 0.5f}));
        initial.put("l1.bias", TensorValues.vector(0.25f));
        Map<String, TensorValues> fin = new LinkedHashMap<>();
        fin.put("l1.weight", new TensorValues(weightShape, new float[] {1, 2}));
        fin.put("l1.bias", TensorValues.vector(finalBias));
        Map<String, Trace.NamedValue> values = new LinkedHashMap<>();
        values.put(ArticleExperiment.FINAL_PREDICTION, new Trace.NamedValue(new long[] {4, 1}, new double[] {1, 6, 17, 34}));
        values.put(ArticleExperiment.NEW_INPUTS, new Trace.NamedValue(new long[] {2, 1}, new double[] {2.5, 10}));
        values.put(ArticleExperiment.NEW_PREDICTION, new Trace.NamedValue(new long[] {2, 1}, new double[] {27, y10}));
        return new Trace("tanh-quadratic", seed, 1001, "test",
                new Trace.Inputs(new float[] {0, 1, 2, 3}, new float[] {1, 6, 17, 34}), initial, fin,
                List.of(new Trace.PrintedLoss(0, 100), new Trace.PrintedLoss(1000, loss)), "Result", 1.0,
                Optional.empty(), 0, List.of(), values);
    }

    private static Trace run(float w0, float finalBias, float loss, float y10) {
        return run(0, w0, finalBias, loss, y10, new long[] {2, 1});
    }

    private static Comparison compare(Trace java, Trace pytorch) {
        return Comparison.of(java, pytorch, false);
    }

    /** The article's kind of tolerances: predictions judged as |diff| / max(1, |PyTorch|). */
    private static Tolerances tolerances(double initial, double parameters, double training, double fresh) {
        return new Tolerances(initial, parameters, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                Map.of(ArticleExperiment.FINAL_PREDICTION, training, ArticleExperiment.NEW_PREDICTION, fresh), "test");
    }

    @Test
    void identicalRunsAreBitEqualWithNoDifference() {
        Comparison c = compare(run(0.1f, 3, 2, 38), run(0.1f, 3, 2, 38));
        assertTrue(c.initialBitEqual());
        assertEquals(0, c.initialMaxAbs());
        assertEquals(0, c.finalMaxAbs());
        assertEquals(0, c.losses().maxRelative());
        assertEquals(0, c.valuesMaxAbs());
        assertTrue(c.verdict(tolerances(0, 0, 0, 0)).passed());
    }

    @Test
    void theExtrapolationIsShownSideBySideAndNotJudged() {
        Trace java = run(0.1f, 3, 2, 38).withExtrapolation(new ExtrapolationSummary("3x^2 + 2x + 1", "net 1→10→1",
                List.of(new PointError(2.5, 24.75, 25.5), new PointError(10, 321, 108)), 2.5108, "0 <= x <= 3",
                103.9215, "3 < x <= 10"));
        Trace pytorch = run(0.1f, 3, 2, 38).withExtrapolation(new ExtrapolationSummary("3x^2 + 2x + 1", "net 1→10→1",
                List.of(new PointError(2.5, 24.75, 25.25), new PointError(10, 321, 107)), 2.75, "0 <= x <= 3",
                104.5, "3 < x <= 10"));
        Comparison c = compare(java, pytorch);
        assertTrue(c.verdict(tolerances(0, 0, 0, 0)).passed(), "the parameters and predictions decide, not the summary");

        StringWriter printed = new StringWriter();
        new ParityPrinter(new PrintWriter(printed)).print(c, tolerances(0, 0, 0, 0), "");
        String out = printed.toString();
        assertTrue(out.contains("extrapolation (RMSE against y = 3x^2 + 2x + 1; inside 0 <= x <= 3, outside 3 < x <= 10):"
                + " Java 2.5108 inside, 103.9215 outside; PyTorch 2.7500 inside, 104.5000 outside\n"
                + "  at x = 2.5: true 24.7500, Java 25.5000, PyTorch 25.2500\n"
                + "  at x = 10: true 321.0000, Java 108.0000, PyTorch 107.0000\n"), out);
        assertTrue(out.strip().endsWith("MATCH"), out);

        StringWriter withoutOne = new StringWriter();
        new ParityPrinter(new PrintWriter(withoutOne)).print(compare(java, run(0.1f, 3, 2, 38)), tolerances(0, 0, 0, 0), "");
        assertFalse(withoutOne.toString().contains("extrapolation"), "shown only where both sides hold one");
    }

    @Test
    void oneUlpInAnInitialWeightIsNotBitEqualAndFailsAnExactTolerance() {
        Comparison c = compare(run(Math.nextUp(0.1f), 3, 2, 38), run(0.1f, 3, 2, 38));
        assertFalse(c.initialBitEqual());
        assertEquals(Math.ulp(0.1f), c.initialMaxAbs(), 0);
        Verdict verdict = c.verdict(tolerances(0, 1, 1, 1));
        assertFalse(verdict.passed());
        assertTrue(verdict.failures().get(0).startsWith("initial parameters"), verdict.failures().toString());
    }

    @Test
    void measuresFinalParametersLossAndPredictions() {
        Comparison c = compare(run(0.1f, 3.5f, 2.2f, 40), run(0.1f, 3, 2, 38));
        assertEquals(0.5, c.finalMaxAbs(), 0);
        assertEquals(0.1, c.losses().maxRelative(), 1e-6);
        assertEquals(1000, c.losses().worstStep());
        assertEquals(2, c.valuesMaxAbs(), 0);
        assertEquals(2.0 / 38, c.value(ArticleExperiment.NEW_PREDICTION).orElseThrow().maxScaled(), 1e-9);
        assertEquals(0, c.value(ArticleExperiment.FINAL_PREDICTION).orElseThrow().maxScaled());
        assertTrue(c.verdict(tolerances(0, 0.5, 0.06, 0.06)).passed());
        Verdict verdict = c.verdict(tolerances(0, 0.4, 0.06, 0.05));
        assertEquals(2, verdict.failures().size(), verdict.failures().toString());
    }

    @Test
    void aValueWithoutAScaledToleranceIsJudgedAbsolutely() {
        Comparison c = compare(run(0.1f, 3, 2, 40), run(0.1f, 3, 2, 38));
        Tolerances trainingOnly = new Tolerances(0, 1, 1, 1, 1, 1, 1.5,
                Map.of(ArticleExperiment.FINAL_PREDICTION, 0.0), "test");
        Verdict verdict = c.verdict(trainingOnly);
        assertEquals(List.of("named values: largest |diff| 2.000e+00 exceeds 1.5e+00"), verdict.failures());
    }

    @Test
    void differentShapesAreAnInfiniteDifference() {
        Comparison c = compare(run(0, 0.1f, 3, 2, 38, new long[] {1, 2}), run(0.1f, 3, 2, 38));
        assertEquals(Double.POSITIVE_INFINITY, c.initialMaxAbs());
        assertFalse(c.verdict(tolerances(1, 1, 1, 1)).passed());
    }

    @Test
    void runsOfDifferentSeedsAreNotCompared() {
        assertThrows(IllegalArgumentException.class,
                () -> compare(run(1, 0.1f, 3, 2, 38, new long[] {2, 1}), run(0.1f, 3, 2, 38)));
    }

    @Test
    void theArticlesTableGivesRoundingUpToTenStepsThenEachExperimentsOwn() {
        assertEquals(Tolerances.ROUNDING, Tolerances.forProgram("deep-quadratic", 10));
        assertEquals(Tolerances.LINEAR, Tolerances.forProgram("linear-quadratic", 1000));
        assertEquals(Tolerances.TANH, Tolerances.forProgram("tanh-quadratic", 100_000));
        assertEquals(Tolerances.DEEP, Tolerances.forProgram("deep-linear", 1000));
        assertEquals(Tolerances.NOT_CHECKED, Tolerances.DEEP.finalParameters());
        assertEquals(Tolerances.SMOOTH, Tolerances.forProgram("polynomial-nn", 10));
    }
}
