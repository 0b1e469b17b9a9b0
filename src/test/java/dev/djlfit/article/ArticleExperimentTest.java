package dev.djlfit.article;

import dev.djlfit.tutorials.Programs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.PointError;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An article experiment as a program: its trace holds what ExperimentRunner computed, as article.py records it. */
class ArticleExperimentTest {

    private static final ArticleExperiment TANH_QUADRATIC =
            ArticleExperiment.named("tanh-quadratic", Experiments.ARTICLE_HIDDEN, Nonlinearity.TANH, TrainingSettings.article());

    @Test
    void theTraceIsTheRunnersResultInOneConversion() {
        List<String> printed = new ArrayList<>();
        Trace trace = Programs.run(TANH_QUADRATIC, 3, 1001, Optional.empty(), printed::add);
        ExperimentResult direct = new ExperimentRunner(Device.cpu()).run(TANH_QUADRATIC.spec(),
                new TrainingSettings(1001, TrainingSettings.ARTICLE_LEARNING_RATE, 3, ArticleExperiment.LOSS_EVERY),
                TrainingObserver.NONE);

        assertEquals("tanh-quadratic", trace.program());
        assertEquals(3, trace.seed());
        assertEquals(1001, trace.steps());
        assertArrayEquals(new float[] {0, 1, 2, 3}, trace.inputs().x());
        assertArrayEquals(new float[] {1, 6, 17, 34}, trace.inputs().y());
        assertEquals(List.of("l1.weight", "l1.bias", "l2.weight", "l2.bias"), List.copyOf(trace.initialParameters().keySet()));
        assertEquals(direct.initialParameters(), trace.initialParameters());
        assertEquals(direct.finalParameters(), trace.finalParameters(), "the same seed trains to the same bits");
        assertEquals(List.of(0, 1000), trace.losses().stream().map(Trace.PrintedLoss::step).toList());
        Trace.NamedValue atTraining = trace.values().get(ArticleExperiment.FINAL_PREDICTION);
        assertArrayEquals(new long[] {4, 1}, atTraining.shape());
        assertEquals(direct.finalPrediction().y().values()[3], (float) atTraining.numbers()[3]);
        assertArrayEquals(new double[] {2.5, 10}, trace.values().get(ArticleExperiment.NEW_INPUTS).numbers());
        double y10 = trace.values().get(ArticleExperiment.NEW_PREDICTION).numbers()[1];
        assertEquals(direct.newPrediction().y().values()[1], (float) y10);
        assertTrue(trace.result().matches("Result: y\\(2\\.5\\) = -?\\d+\\.\\d{4}, y\\(10\\) = -?\\d+\\.\\d{4}"), trace.result());
        assertEquals(List.of(trace.result()), printed);
        assertEquals(trace.values(), TraceJson.parse(TraceJson.toJson(trace), "test").values(), "the JSON keeps them");

        ExtrapolationReport report = direct.extrapolation().orElseThrow();
        ExtrapolationSummary e = trace.extrapolation().orElseThrow();
        assertEquals("3x^2 + 2x + 1", e.truth());
        assertEquals("net 1→10→tanh→1", e.model());
        assertEquals(report.probes(), e.probes(), "the walkthrough's probes: 2.5 and 10 against the truth");
        assertEquals(report.interpolationRmse(), e.insideRmse());
        assertEquals(report.extrapolationRmse(), e.outsideRmse());
        assertEquals("0 <= x <= 3", e.inside());
        assertEquals("3 < x <= 10", e.outside());
        assertEquals(e, TraceJson.parse(TraceJson.toJson(trace), "test").extrapolation().orElseThrow());
    }

    @Test
    void theFinalParametersAloneGiveTheWalkthroughsExtrapolation() {
        for (boolean normalize : new boolean[] {false, true}) {
            TrainingSettings settings = new TrainingSettings(1500, TrainingSettings.ARTICLE_LEARNING_RATE, 5,
                    ArticleExperiment.LOSS_EVERY, OptimizerKind.SGD, normalize);
            ExperimentResult result = new ExperimentRunner(Device.cpu()).run(TANH_QUADRATIC.spec(), settings,
                    TrainingObserver.NONE);
            ExtrapolationReport walkthrough = result.extrapolation().orElseThrow();

            ExtrapolationSummary rebuilt = new ArticleExperiment(TANH_QUADRATIC.spec(), settings)
                    .extrapolation(result.finalParameters()).orElseThrow();

            assertEquals(ArticleExperiment.trace(result).extrapolation().orElseThrow().model(), rebuilt.model());
            assertEquals(walkthrough.probes().size(), rebuilt.probes().size());
            for (int i = 0; i < walkthrough.probes().size(); i++) {
                PointError w = walkthrough.probes().get(i);
                PointError r = rebuilt.probes().get(i);
                assertEquals(w.x(), r.x());
                assertEquals(w.truth(), r.truth());
                assertFloatPrecision(w.prediction(), r.prediction(), "y(" + w.x() + "), normalize " + normalize);
            }
            assertFloatPrecision(walkthrough.interpolationRmse(), rebuilt.insideRmse(), "inside, normalize " + normalize);
            assertFloatPrecision(walkthrough.extrapolationRmse(), rebuilt.outsideRmse(), "outside, normalize " + normalize);
        }
    }

    @Test
    void dataWithoutAKnownTruthHasNoExtrapolation() {
        DataPoints own = new DataPoints("own", new float[] {0, 1, 2}, new float[] {1, 0, 4}, null);
        ArticleExperiment experiment = new ArticleExperiment(
                Experiments.of(ModelKind.LINEAR, own, 4, Nonlinearity.TANH), TrainingSettings.article());
        ExperimentResult result = new ExperimentRunner(Device.cpu()).run(experiment.spec(),
                new TrainingSettings(10, 0.01f, 0, ArticleExperiment.LOSS_EVERY), TrainingObserver.NONE);
        assertEquals(Optional.empty(), experiment.extrapolation(result.finalParameters()));
        assertEquals(Optional.empty(), ArticleExperiment.trace(result).extrapolation());
    }

    private static void assertFloatPrecision(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void itsReferenceIsArticlePyWithTheNetsOptions() {
        ArticleExperiment deep = ArticleExperiment.named("deep-linear", 7, Nonlinearity.RELU,
                TrainingSettings.article().withLearningRate(0.005f));
        assertEquals("article.py", deep.referenceScript());
        assertEquals(List.of("--lr", "0.005", "--hidden", "7", "--activation", "relu"), deep.referenceOptions());
        ArticleExperiment linear = ArticleExperiment.named("linear-linear", 10, Nonlinearity.TANH, TrainingSettings.article());
        assertEquals(List.of("--lr", "0.01", "--hidden", "10"), linear.referenceOptions(), "the linear net has none");
        assertEquals(TrainingSettings.ARTICLE_STEPS, linear.steps(0));
    }
}
