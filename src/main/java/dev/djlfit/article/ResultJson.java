package dev.djlfit.article;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.djlfit.io.BoundedJson;
import dev.djlfit.io.InvalidJsonException;
import dev.djlfit.io.JsonFields;
import dev.djlfit.io.TensorJson;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as a JSON document: {@code train --json FILE} writes it from an {@link ExperimentResult}.
 * (The parity check compares traces instead: {@code dev.djlfit.article.ArticleExperiment} and
 * {@code src/reference/pytorch/article.py}.)
 *
 * <pre>
 * {"experiment": "tanh-quadratic", "seed": 0, "steps": 100000, "lr": 0.01,
 *  "hidden": 10, "activation": "tanh", "engine": "...",
 *  "initial_parameters": {"l1.weight": [[...]], "l1.bias": [...], ...},
 *  "final_parameters":   {...same keys...},
 *  "loss": [[step, value], ...],
 *  "predictions": {"x": [0, 1, 2, 3, 2.5, 10], "y": [...]}}
 * </pre>
 *
 * Parameters are keyed by PyTorch's {@code state_dict} names and nested as their shape ([out, in]
 * for a weight). The loss is the one computed in 0-based iteration {@code step}, before that
 * step's update, every {@link #LOSS_EVERY} steps and at the last. Every float is written as the
 * exact double value of the float32, so reading it back gives the same bits.
 *
 * @param activation null for the purely linear net
 * @param engine what computed it, e.g. {@code PyTorch 1.13.0} or {@code DJL 0.33.0 / PyTorch 2.5.1}
 * @param predictionX the article's training inputs 0, 1, 2, 3, then its new ones 2.5 and 10
 * @param predictionY the trained net's outputs at those inputs
 * @param loopSeconds time spent in the training loop alone (NaN where a document lacks it)
 */
public record ResultJson(
        String experiment,
        int seed,
        int steps,
        double lr,
        int hidden,
        String activation,
        String engine,
        Map<String, TensorValues> initialParameters,
        Map<String, TensorValues> finalParameters,
        List<LossPoint> loss,
        TensorValues predictionX,
        TensorValues predictionY,
        double loopSeconds) {

    /** The loss is kept every this many steps (and at the last): the reference script's rhythm. */
    public static final int LOSS_EVERY = 1000;

    private static final List<String> REQUIRED = List.of("experiment", "seed", "steps", "lr",
            "initial_parameters", "final_parameters", "loss", "predictions");

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public ResultJson {
        initialParameters = Collections.unmodifiableMap(new LinkedHashMap<>(initialParameters));
        finalParameters = Collections.unmodifiableMap(new LinkedHashMap<>(finalParameters));
        loss = List.copyOf(loss);
    }

    /** Whether 0-based step {@code i} of a run of {@code steps} has its loss in the document. */
    public static boolean keepsLossAt(int i, int steps) {
        return i % LOSS_EVERY == 0 || i == steps - 1;
    }

    public static ResultJson of(ExperimentResult result) {
        int steps = result.config().steps();
        List<LossPoint> kept = new ArrayList<>();
        for (LossPoint p : result.training().losses()) {
            if (keepsLossAt(p.step(), steps)) {
                kept.add(p);
            }
        }
        int expected = (steps - 1) / LOSS_EVERY + 1 + ((steps - 1) % LOSS_EVERY == 0 ? 0 : 1);
        if (kept.size() != expected) {
            throw new IllegalStateException("the run recorded its loss every " + result.config().lossEvery()
                    + " steps; the JSON needs every " + LOSS_EVERY + " and the last");
        }
        Architecture net = result.spec().architecture();
        float[] x = concat(result.finalPrediction().x().values(), result.newPrediction().x().values());
        float[] y = concat(result.finalPrediction().y().values(), result.newPrediction().y().values());
        return new ResultJson(
                result.spec().name(),
                result.config().seed(),
                steps,
                Double.parseDouble(Float.toString(result.config().learningRate())),
                net.widths()[1],
                net.activation().map(a -> a.id()).orElse(null),
                Torch.engineDescription() + " on " + result.device() + ", " + result.config().backward().id() + " backward",
                result.initialParameters(),
                result.finalParameters(),
                kept,
                TensorValues.vector(x),
                TensorValues.vector(y),
                result.training().loopNanos() / 1e9);
    }

    /** Several runs as one document, {@code {"runs": [...]}}, each as {@link #toJson()} writes it. */
    public static String runs(List<ResultJson> runs) {
        JsonArray all = new JsonArray();
        for (ResultJson run : runs) {
            all.add(run.tree());
        }
        JsonObject o = new JsonObject();
        o.add("runs", all);
        return GSON.toJson(o);
    }

    public String toJson() {
        return GSON.toJson(tree());
    }

    private JsonObject tree() {
        JsonObject o = new JsonObject();
        o.addProperty("experiment", experiment);
        o.addProperty("seed", seed);
        o.addProperty("steps", steps);
        o.addProperty("lr", lr);
        o.addProperty("hidden", hidden);
        o.add("activation", activation == null ? JsonNull.INSTANCE : GSON.toJsonTree(activation));
        o.addProperty("engine", engine);
        o.add("initial_parameters", TensorJson.write(initialParameters));
        o.add("final_parameters", TensorJson.write(finalParameters));
        JsonArray losses = new JsonArray();
        for (LossPoint p : loss) {
            JsonArray point = new JsonArray();
            point.add(p.step());
            point.add((double) p.loss());
            losses.add(point);
        }
        o.add("loss", losses);
        if (Double.isFinite(loopSeconds)) {
            o.addProperty("loop_seconds", loopSeconds);
        }
        JsonObject predictions = new JsonObject();
        predictions.add("x", TensorJson.write(predictionX));
        predictions.add("y", TensorJson.write(predictionY));
        o.add("predictions", predictions);
        return o;
    }

    /**
     * Reads a document written by either side.
     *
     * @throws IllegalArgumentException if the text is not such a document, saying what is wrong
     */
    public static ResultJson parse(String text) {
        try {
            JsonObject o = JsonFields.object(BoundedJson.parse(text, "it"), "it");
            for (String key : REQUIRED) {
                field(o, key);
            }
            JsonObject predictions = field(o, "predictions").getAsJsonObject();
            List<LossPoint> losses = new ArrayList<>();
            for (JsonElement e : field(o, "loss").getAsJsonArray()) {
                JsonArray point = e.getAsJsonArray();
                losses.add(new LossPoint(point.get(0).getAsInt(), (float) point.get(1).getAsDouble()));
            }
            JsonElement activation = o.get("activation");
            JsonElement hidden = o.get("hidden");
            JsonElement engine = o.get("engine");
            return new ResultJson(
                    field(o, "experiment").getAsString(),
                    field(o, "seed").getAsInt(),
                    field(o, "steps").getAsInt(),
                    field(o, "lr").getAsDouble(),
                    hidden == null ? 0 : hidden.getAsInt(),
                    activation == null || activation.isJsonNull() ? null : activation.getAsString(),
                    engine == null || engine.isJsonNull() ? "unknown" : engine.getAsString(),
                    TensorJson.readAll(field(o, "initial_parameters").getAsJsonObject(), "parameter"),
                    TensorJson.readAll(field(o, "final_parameters").getAsJsonObject(), "parameter"),
                    losses,
                    TensorJson.read(field(predictions, "x"), "predictions.x"),
                    TensorJson.read(field(predictions, "y"), "predictions.y"),
                    o.has("loop_seconds") ? o.get("loop_seconds").getAsDouble() : Double.NaN);
        } catch (InvalidJsonException e) {
            throw new IllegalArgumentException("not a run document: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | IndexOutOfBoundsException | NumberFormatException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // Gson puts its parser's exception class first: "com.google.gson.stream.MalformedJsonException: ..."
            why = why.lines().findFirst().orElse("").replaceFirst("^([a-z]+\\.)+[A-Za-z]+(Exception|Error): ", "")
                    .replaceFirst("Use JsonReader.setStrictness\\(Strictness.LENIENT\\) to accept malformed JSON", "malformed JSON");
            throw new IllegalArgumentException("not a run document: " + why, e);
        }
    }

    private static JsonElement field(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("not a run document: no \"" + key + "\"");
        }
        return e;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = new float[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
