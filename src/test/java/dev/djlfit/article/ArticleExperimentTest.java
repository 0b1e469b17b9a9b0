package dev.djlfit.article;

import dev.djlfit.tutorials.Programs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
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
                new TrainingSettings(1001, TrainingSettings.ARTICLE_LEARNING_RATE, 3, ResultJson.LOSS_EVERY),
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
