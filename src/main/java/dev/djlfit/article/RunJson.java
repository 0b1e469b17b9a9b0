package dev.djlfit.article;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.djlfit.program.TraceJson;

import java.util.List;

/**
 * What {@code train --json} writes: the run's trace ({@link ArticleExperiment#trace}, docs/trace-format.md)
 * plus the article's settings as top-level keys of their own, which a trace reader ignores, so that
 * {@code judge} reads the file as it is.
 *
 * <pre>
 * {"program": "tanh-quadratic", "seed": 0, "steps": 100000, "engine": "...", "inputs": {...},
 *  "initial_parameters": {...}, "final_parameters": {...}, "losses": [[step, value], ...],
 *  "values": {"final_prediction": ..., "new_inputs": ..., "new_prediction": ...},
 *  "result": "...", "loop_seconds": ..., "extrapolation": {...},
 *  "lr": 0.01, "hidden": 10, "activation": "tanh", "optimizer": "sgd", "normalize": false,
 *  "backward": "autograd"}
 * </pre>
 */
public final class RunJson {

    /** The keys this document adds to a trace. */
    public static final List<String> SETTINGS = List.of("lr", "hidden", "activation", "optimizer", "normalize",
            "backward");

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private RunJson() {}

    public static String of(ExperimentResult result) {
        return GSON.toJson(tree(result));
    }

    /** Several runs as one document, {@code {"runs": [...]}}, each as {@link #of} writes it. */
    public static String runs(List<ExperimentResult> results) {
        JsonArray all = new JsonArray();
        for (ExperimentResult result : results) {
            all.add(tree(result));
        }
        JsonObject o = new JsonObject();
        o.add("runs", all);
        return GSON.toJson(o);
    }

    private static JsonObject tree(ExperimentResult result) {
        JsonObject o = TraceJson.tree(ArticleExperiment.trace(result));
        TrainingSettings settings = result.config();
        Architecture net = result.spec().architecture();
        o.addProperty("lr", Double.parseDouble(Float.toString(settings.learningRate())));
        o.addProperty("hidden", net.widths()[1]);
        o.add("activation", net.activation().<JsonElement>map(a -> GSON.toJsonTree(a.id())).orElse(JsonNull.INSTANCE));
        o.addProperty("optimizer", settings.optimizer().id());
        o.addProperty("normalize", settings.normalize());
        o.addProperty("backward", settings.backward().id());
        return o;
    }
}
