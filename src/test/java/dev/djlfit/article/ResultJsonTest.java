package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.torch.TensorValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ResultJsonTest {

    @Test
    void readingBackGivesTheSameFloat32Bits() {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("l1.weight", new TensorValues(new long[] {3, 1}, new float[] {-0.7987f, 0.1f, Float.MIN_VALUE}));
        initial.put("l1.bias", TensorValues.vector(1e-30f, -0f, 123456.78f));
        Map<String, TensorValues> fin = new LinkedHashMap<>();
        fin.put("l1.weight", new TensorValues(new long[] {3, 1}, new float[] {Math.nextUp(1f), -2f / 3, 3.4e38f}));
        fin.put("l1.bias", TensorValues.vector(0.3f, 0.7f, 1f / 3));
        ResultJson original = new ResultJson("tanh-quadratic", 7, 2000, 0.01, 10, "tanh", "test",
                initial, fin, List.of(new LossPoint(0, 374.16125f), new LossPoint(1000, 9.2370556e-11f)),
                TensorValues.vector(0, 1, 2, 3, 2.5f, 10), TensorValues.vector(1.0000014f, 6, 17, 34, 27.2216f, 38.5437f), 1.25);

        ResultJson read = ResultJson.parse(original.toJson());

        assertEquals(original, read);
        assertEquals(List.of("l1.weight", "l1.bias"), List.copyOf(read.initialParameters().keySet()));
    }

    @Test
    void documentFromARunHasTheReferenceScriptsSchema() {
        TrainingSettings config = new TrainingSettings(2100, 0.01f, 3, TrainingSettings.DEFAULT_LOSS_EVERY);
        ExperimentResult result = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.DEEP, ArticleData.QUADRATIC.dataset(), 10, Nonlinearity.TANH),
                config, TrainingObserver.NONE);

        ResultJson json = ResultJson.of(result);
        JsonObject o = JsonParser.parseString(json.toJson()).getAsJsonObject();

        assertEquals("deep-quadratic", o.get("experiment").getAsString());
        assertEquals(3, o.get("seed").getAsInt());
        assertEquals(2100, o.get("steps").getAsInt());
        assertEquals("0.01", o.get("lr").toString());
        JsonObject initial = o.getAsJsonObject("initial_parameters");
        assertEquals(List.of("l1.weight", "l1.bias", "l2.weight", "l2.bias", "l3.weight", "l3.bias"),
                List.copyOf(initial.keySet()));
        // PyTorch's [out, in]: l1.weight is ten rows of one, l3.weight one row of ten
        assertEquals(10, initial.getAsJsonArray("l1.weight").size());
        assertEquals(1, initial.getAsJsonArray("l1.weight").get(0).getAsJsonArray().size());
        assertEquals(10, initial.getAsJsonArray("l3.weight").get(0).getAsJsonArray().size());
        assertEquals(o.getAsJsonObject("final_parameters").keySet(), initial.keySet());
        assertEquals(List.of(0, 1000, 2000, 2099), json.loss().stream().map(LossPoint::step).toList());
        assertEquals(result.training().losses().get(0), json.loss().get(0));
        assertArrayEquals(new float[] {0, 1, 2, 3, 2.5f, 10}, json.predictionX().values());
        float[] y = json.predictionY().values();
        assertEquals(result.finalPrediction().y().get(3), y[3]);
        assertEquals(result.newPrediction().y().get(1), y[5]);
        assertEquals(result.initialParameters(), json.initialParameters());
        assertEquals(result.finalParameters(), json.finalParameters());
    }

    @Test
    void theLinearNetHasNoActivation() {
        TrainingSettings config = new TrainingSettings(1, 0.01f, 0, 1);
        ExperimentResult result = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.LINEAR, ArticleData.LINEAR.dataset(), 10, Nonlinearity.TANH),
                config, TrainingObserver.NONE);
        ResultJson json = ResultJson.parse(ResultJson.of(result).toJson());
        assertNull(json.activation());
        assertEquals(List.of(0), json.loss().stream().map(LossPoint::step).toList());
    }

    @Test
    void aDocumentWithoutItsKeysIsRejectedWithTheKeyNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultJson.parse("{\"experiment\": \"linear-linear\", \"seed\": 0}"));
        assertTrue(e.getMessage().contains("\"steps\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResultJson.parse("[1, 2"));
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNothingElse(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("run.json");
        Files.writeString(file, "old");
        ResultJson json = new ResultJson("linear-linear", 0, 1, 0.01, 10, null, "test", Map.of(), Map.of(),
                List.of(new LossPoint(0, 26f)), TensorValues.vector(0), TensorValues.vector(1), 0.5);
        dev.djlfit.io.Outputs.standalone().file("--json", file).writeText(json.toJson() + "\n");
        assertEquals(json, ResultJson.parse(Files.readString(file)));
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList());
        }
    }
}
