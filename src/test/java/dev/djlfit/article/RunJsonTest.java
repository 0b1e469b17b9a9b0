package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** train --json's document: the run's trace, which TraceJson reads back bit for bit, plus the settings keys. */
class RunJsonTest {

    private static ExperimentResult run(ModelKind model, ArticleData data, TrainingSettings settings) {
        return new ExperimentRunner(Device.cpu()).run(Experiments.of(model, data.dataset(), 10, Nonlinearity.TANH),
                settings, TrainingObserver.NONE);
    }

    @Test
    void theDocumentIsTheRunsTraceReadBackBitForBit() {
        ExperimentResult result = run(ModelKind.DEEP, ArticleData.QUADRATIC,
                new TrainingSettings(2100, 0.01f, 3, TrainingSettings.DEFAULT_LOSS_EVERY));

        Trace read = TraceJson.parse(RunJson.of(result), "run.json");

        assertEquals("deep-quadratic", read.program());
        assertEquals(3, read.seed());
        assertEquals(2100, read.steps());
        assertArrayEquals(new float[] {0, 1, 2, 3}, read.inputs().x());
        assertEquals(List.of("l1.weight", "l1.bias", "l2.weight", "l2.bias", "l3.weight", "l3.bias"),
                List.copyOf(read.initialParameters().keySet()));
        assertEquals(result.initialParameters(), read.initialParameters());
        assertEquals(result.finalParameters(), read.finalParameters());
        assertEquals(List.of(0, 1000, 2000, 2099), read.losses().stream().map(Trace.PrintedLoss::step).toList());
        assertEquals(result.training().losses().get(0).loss(), read.losses().get(0).value());
        assertEquals(ArticleExperiment.resultLine(result.newPrediction().y().values()), read.result());
        assertEquals(result.newPrediction().y().get(1),
                (float) read.values().get(ArticleExperiment.NEW_PREDICTION).numbers()[1]);
        assertEquals(result.finalPrediction().y().get(3),
                (float) read.values().get(ArticleExperiment.FINAL_PREDICTION).numbers()[3]);
        assertEquals(result.training().loopNanos() / 1e9, read.loopSeconds());
    }

    @Test
    void theSettingsAreTheOnlyKeysATraceLacks() {
        ExperimentResult result = run(ModelKind.DEEP, ArticleData.QUADRATIC,
                new TrainingSettings(20, 0.01f, 0, 1, OptimizerKind.ADAM, true, Backward.AUTOGRAD));

        JsonObject o = JsonParser.parseString(RunJson.of(result)).getAsJsonObject();

        Set<String> added = new TreeSet<>(o.keySet());
        added.removeAll(TraceJson.tree(ArticleExperiment.trace(result)).keySet());
        assertEquals(new TreeSet<>(RunJson.SETTINGS), added);
        assertEquals("0.01", o.get("lr").toString());
        assertEquals(10, o.get("hidden").getAsInt());
        assertEquals("tanh", o.get("activation").getAsString());
        assertEquals("adam", o.get("optimizer").getAsString());
        assertTrue(o.get("normalize").getAsBoolean());
        assertEquals("autograd", o.get("backward").getAsString());
    }

    @Test
    void theLinearNetHasANullActivation() {
        ExperimentResult result = run(ModelKind.LINEAR, ArticleData.LINEAR, new TrainingSettings(1, 0.01f, 0, 1));
        JsonObject o = JsonParser.parseString(RunJson.of(result)).getAsJsonObject();
        assertTrue(o.get("activation").isJsonNull(), o.toString());
        assertEquals("sgd", o.get("optimizer").getAsString());
        assertEquals(List.of(0), TraceJson.parse(RunJson.of(result), "linear").losses().stream()
                .map(Trace.PrintedLoss::step).toList());
    }

    @Test
    void severalRunsAreOneDocumentOfSuchDocuments() {
        ExperimentResult linear = run(ModelKind.LINEAR, ArticleData.LINEAR, new TrainingSettings(5, 0.01f, 0, 1));
        ExperimentResult deep = run(ModelKind.DEEP, ArticleData.QUADRATIC, new TrainingSettings(5, 0.01f, 0, 1));

        JsonArray runs = JsonParser.parseString(RunJson.runs(List.of(linear, deep))).getAsJsonObject()
                .getAsJsonArray("runs");

        List<String> programs = new ArrayList<>();
        for (var run : runs) {
            programs.add(TraceJson.parse(run.toString(), "run").program());
            assertTrue(run.getAsJsonObject().has("lr"), run.toString());
        }
        assertEquals(List.of("linear-linear", "deep-quadratic"), programs);
    }
}
