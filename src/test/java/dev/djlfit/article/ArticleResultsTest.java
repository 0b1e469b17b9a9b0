package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import dev.djlfit.SampleText;
import dev.djlfit.SampleText.Tolerance;
import dev.djlfit.article.report.ExperimentPrinter;
import dev.djlfit.article.report.SummaryTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full walkthrough at the article's 100000 steps reproduces the article's key numbers, and
 * prints what README.md's sample shows.
 */
@Tag("slow")
class ArticleResultsTest {

    private static List<ExperimentResult> results;

    @BeforeAll
    static void runTheWalkthrough() {
        List<ExperimentResult> inOrder = new ArrayList<>();
        results = new ParallelExperiments(new ExperimentRunner(Device.cpu()), 2).run(
                Experiments.article(), TrainingSettings.article(), spec -> TrainingObserver.NONE, inOrder::add);
        assertEquals(results, inOrder);
    }

    @Test
    void runsTheFourExperimentsInTheArticlesOrder() {
        assertEquals(List.of("linear-linear", "linear-quadratic", "tanh-quadratic", "deep-quadratic"),
                results.stream().map(r -> r.spec().name()).toList());
        results.forEach(r -> assertEquals(100_000, r.training().steps()));
    }

    @Test
    void linearNetOnTheLineGetsEverythingRight() {
        ExperimentResult line = results.get(0);
        assertValues(new float[] {1, 3, 5, 7}, line.finalPrediction().y().values(), 1e-3);
        assertValues(new float[] {6, 21}, line.newPrediction().y().values(), 1e-3);
    }

    @Test
    void linearNetOnTheQuadraticLearnsElevenXMinusTwo() {
        ExperimentResult quadratic = results.get(1);
        assertValues(new float[] {-2, 9, 20, 31}, quadratic.finalPrediction().y().values(), 1e-3);
        assertValues(new float[] {25.5f, 108}, quadratic.newPrediction().y().values(), 1e-3);
        EquivalentLine line = quadratic.equivalentLine().orElseThrow();
        assertEquals(11, line.slope(), 1e-3);
        assertEquals(-2, line.intercept(), 1e-3);
        assertEquals("y = 11.0000x - 2.0000", line.describe());
    }

    @Test
    void tanhNetFitsTheFourPointsButNotTheFunction() {
        ExperimentResult tanh = results.get(2);
        assertValues(new float[] {1, 6, 17, 34}, tanh.finalPrediction().y().values(), 1e-2);
        double at10 = tanh.extrapolation().orElseThrow().probe(10).prediction();
        // the article's own run gave 38.5437 against the true 321
        assertEquals(321, tanh.extrapolation().orElseThrow().probe(10).truth(), 0);
        org.junit.jupiter.api.Assertions.assertTrue(at10 < 100, "prediction at 10 was " + at10);
    }

    @Test
    void deepNetFitsTheFourPoints() {
        assertValues(new float[] {1, 6, 17, 34}, results.get(3).finalPrediction().y().values(), 1e-2);
    }

    /**
     * README.md's walkthrough sample against this run, as the walkthrough prints it. Exact, but for
     * what the README says depends on the machine: times and rates; a final loss below 1e-6 (float32
     * noise: 2.984e-13 or 4.583e-13 by the CPU's kernels); the tanh net's digits within 1e-4 and the
     * deep net's within 5% relative. Forcing libtorch's generic kernels instead of AVX-512 on one
     * machine moved the tanh row by 1e-5 and the deep row by up to 4.3% (its err(2.5)); the linear
     * rows did not move.
     */
    @Test
    void readmesWalkthroughSampleIsWhatThisRunPrints() throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ExperimentPrinter printer = new ExperimentPrinter(out);
        for (int i = 0; i < results.size(); i++) {
            ExperimentResult result = results.get(i);
            out.println();
            out.printf("=== experiment %d of %d: %s (%s) ===%n", i + 1, results.size(), result.spec().title(),
                    result.spec().name());
            printer.print(result);
        }
        out.println();
        out.println("=== summary ===");
        new SummaryTable(out).print(results);
        out.flush();
        List<String> sample = SampleText.block(Path.of("README.md"), "Machine Learning and Regression Models");
        SampleText.assertShows("README.md", sample.subList(2, sample.size()), text.toString(), ArticleResultsTest::machineDependent);
    }

    private static boolean machineDependent(String line, int index, double expected, double actual) {
        int numbers = SampleText.numberCount(line);
        boolean summaryRow = line.matches("^(linear|tanh|deep)-\\S+\\s+\\S+e[+-]\\d+ .*");
        if ((line.startsWith("training:") || summaryRow) && index >= numbers - 2) {
            return true; // seconds and steps per second
        }
        if (summaryRow && index == 0) {
            return Math.abs(expected) < 1e-6 && Math.abs(actual) < 1e-6;
        }
        if (line.startsWith("tanh-quadratic")) {
            return Tolerance.relative(1e-4).accepts(line, index, expected, actual);
        }
        if (line.startsWith("deep-quadratic")) {
            return Tolerance.relative(5e-2).accepts(line, index, expected, actual);
        }
        return false;
    }

    private static void assertValues(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }
}
