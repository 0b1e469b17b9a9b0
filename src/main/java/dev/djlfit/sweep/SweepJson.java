package dev.djlfit.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code sweep --json FILE}: the sweep's results, every net of every configuration, as JSON:
 *
 * <pre>
 * {"data": "quadratic", "steps": 20000, "lr": 0.01, "first_seed": 0, "fit_threshold": 0.001,
 *  "probes": [2.5, 10], "truth_at_probes": [25.75, 321.0],
 *  "configurations": [{"name": "tanh-h10-d2", "activation": "tanh", "hidden": 10, "depth": 2,
 *    "fitted": 30, "seeds": [{"seed": 0, "final_loss": ..., "fitted": true, "probes": [...],
 *    "interpolation_rmse": ..., "extrapolation_rmse": ...}, ...]}, ...]}
 * </pre>
 *
 * Numbers that are not finite (a diverged net, an unknown truth) are {@code null}.
 */
public final class SweepJson {

    private SweepJson() {}

    public static String of(SweepResult sweep) {
        JsonObject o = new JsonObject();
        o.addProperty("data", sweep.data().name());
        o.addProperty("steps", sweep.config().steps());
        o.addProperty("lr", Double.parseDouble(Float.toString(sweep.config().learningRate())));
        o.addProperty("first_seed", sweep.config().seed());
        o.addProperty("fit_threshold", sweep.fitThreshold());
        JsonArray probes = new JsonArray();
        for (float x : sweep.probes()) {
            probes.add((double) x);
        }
        o.add("probes", probes);
        o.add("truth_at_probes", numbers(sweep.truthAtProbes()));
        JsonArray configurations = new JsonArray();
        for (ConfigurationResult c : sweep.configurations()) {
            SweepConfiguration shape = c.configuration();
            JsonObject co = new JsonObject();
            co.addProperty("name", shape.name());
            co.addProperty("activation", shape.activation().id());
            co.addProperty("hidden", shape.hidden());
            co.addProperty("depth", shape.depth());
            co.addProperty("fitted", c.fitted().size());
            JsonArray seeds = new JsonArray();
            for (SeedOutcome s : c.seeds()) {
                JsonObject so = new JsonObject();
                so.addProperty("seed", s.seed());
                so.add("final_loss", number(s.finalLoss()));
                so.addProperty("fitted", s.fitted());
                so.add("probes", numbers(s.probes()));
                so.add("interpolation_rmse", number(s.interpolationRmse()));
                so.add("extrapolation_rmse", number(s.extrapolationRmse()));
                seeds.add(so);
            }
            co.add("seeds", seeds);
            configurations.add(co);
        }
        o.add("configurations", configurations);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(o);
    }

    private static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    private static com.google.gson.JsonElement number(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE;
    }
}
