package dev.djlfit.trace;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.djlfit.evaluation.PointError;
import dev.djlfit.files.TextInput;
import dev.djlfit.json.BoundedJson;
import dev.djlfit.json.InvalidJsonException;
import dev.djlfit.json.JsonFields;
import dev.djlfit.json.TensorJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link Trace} to and from its JSON (docs/trace-format.md), the one the reference programs write. */
public final class TraceJson {

    private static final Gson GSON = new Gson();

    private TraceJson() {}

    public static String toJson(Trace trace) {
        JsonObject o = new JsonObject();
        o.addProperty("program", trace.program());
        o.addProperty("seed", trace.seed());
        o.addProperty("steps", trace.steps());
        o.addProperty("engine", trace.engine());
        JsonObject inputs = new JsonObject();
        inputs.add("x", floats(trace.inputs().x()));
        inputs.add("y", floats(trace.inputs().y()));
        o.add("inputs", inputs);
        o.add("initial_parameters", TensorJson.write(trace.initialParameters()));
        o.add("final_parameters", TensorJson.write(trace.finalParameters()));
        JsonArray losses = new JsonArray();
        for (Trace.PrintedLoss p : trace.losses()) {
            JsonArray pair = new JsonArray();
            pair.add(p.step());
            pair.add((double) p.value());
            losses.add(pair);
        }
        o.add("losses", losses);
        o.addProperty("result", trace.result());
        o.addProperty("loop_seconds", trace.loopSeconds());
        trace.extrapolation().ifPresent(e -> o.add("extrapolation", extrapolation(e)));
        return GSON.toJson(o);
    }

    /** The most bytes a trace file may have: the ports' traces are well under a megabyte. */
    public static final long MAX_BYTES = 64L << 20;

    /**
     * @param shown how to name the file in messages, e.g. {@code --inputs run.json}
     * @throws InvalidTraceException naming what is missing or malformed
     * @throws dev.djlfit.files.CannotReadException where the file cannot be read, is too large or is not text
     */
    public static Trace read(Path file, String shown) {
        return parse(TextInput.read(file, MAX_BYTES, shown), shown);
    }

    /** {@link #read(Path, String)} naming the file by its path. */
    public static Trace read(Path file) {
        return read(file, file.toString());
    }

    /** @throws InvalidTraceException naming what is missing or malformed */
    public static Trace parse(String json, String source) {
        try {
            JsonObject o = JsonFields.object(BoundedJson.parse(json, source), "the document");
            JsonObject inputs = JsonFields.object(field(o, "inputs"), "\"inputs\"");
            List<Trace.PrintedLoss> losses = new ArrayList<>();
            JsonArray printed = JsonFields.array(field(o, "losses"), "\"losses\"");
            for (int i = 0; i < printed.size(); i++) {
                String name = "\"losses\" item " + (i + 1);
                JsonArray pair = JsonFields.array(printed.get(i), name);
                if (pair.size() != 2) {
                    throw new InvalidJsonException(name + " holds " + pair.size() + " values where [step, loss] is expected");
                }
                losses.add(new Trace.PrintedLoss((int) JsonFields.wholeNumber(pair.get(0), name + " step", 0,
                        Integer.MAX_VALUE), JsonFields.floatNumber(pair.get(1), name + " loss")));
            }
            float[] x = JsonFields.floats(field(inputs, "x"), "\"inputs\".\"x\"");
            float[] y = JsonFields.floats(field(inputs, "y"), "\"inputs\".\"y\"");
            if (x.length != y.length) {
                throw new InvalidJsonException("\"inputs\" holds " + x.length + " x but " + y.length + " y values");
            }
            return new Trace(
                    JsonFields.string(field(o, "program"), "\"program\""),
                    JsonFields.wholeNumber(field(o, "seed"), "\"seed\"", Long.MIN_VALUE, Long.MAX_VALUE),
                    (int) JsonFields.wholeNumber(field(o, "steps"), "\"steps\"", 0, Integer.MAX_VALUE),
                    o.has("engine") ? JsonFields.string(o.get("engine"), "\"engine\"") : "unknown",
                    new Trace.Inputs(x, y),
                    TensorJson.readAll(JsonFields.object(field(o, "initial_parameters"), "\"initial_parameters\""),
                            "parameter"),
                    TensorJson.readAll(JsonFields.object(field(o, "final_parameters"), "\"final_parameters\""),
                            "parameter"),
                    losses,
                    JsonFields.string(field(o, "result"), "\"result\""),
                    o.has("loop_seconds") && !o.get("loop_seconds").isJsonNull()
                            ? JsonFields.number(o.get("loop_seconds"), "\"loop_seconds\"") : 0,
                    o.has("extrapolation") ? Optional.of(extrapolation(JsonFields.object(o.get("extrapolation"),
                            "\"extrapolation\""))) : Optional.empty());
        } catch (InvalidJsonException | JsonParseException e) {
            throw new InvalidTraceException(e.getMessage().startsWith(source) ? e.getMessage()
                    : source + " is not a trace (docs/trace-format.md): " + e.getMessage());
        }
    }

    private static JsonElement field(JsonObject o, String key) {
        return JsonFields.field(o, key, "");
    }

    private static JsonArray floats(float[] values) {
        JsonArray a = new JsonArray(values.length);
        for (float v : values) {
            a.add((double) v);
        }
        return a;
    }

    private static JsonObject extrapolation(SinExtrapolation e) {
        JsonObject o = new JsonObject();
        o.addProperty("truth", "sin(x)");
        o.addProperty("model", e.model());
        JsonArray probes = new JsonArray();
        for (PointError p : e.probes()) {
            JsonObject probe = new JsonObject();
            probe.addProperty("x", p.x());
            probe.addProperty("true", p.truth());
            probe.addProperty("predicted", p.prediction());
            probes.add(probe);
        }
        o.add("probes", probes);
        o.addProperty("rmse_inside", e.insideRmse());
        o.addProperty("inside", "-pi <= x <= pi");
        o.addProperty("rmse_outside", e.outsideRmse());
        o.addProperty("outside", "pi < |x| <= 2 pi");
        return o;
    }

    private static SinExtrapolation extrapolation(JsonObject o) {
        List<PointError> probes = new ArrayList<>();
        JsonArray all = JsonFields.array(field(o, "probes"), "\"extrapolation\".\"probes\"");
        for (int i = 0; i < all.size(); i++) {
            String name = "\"extrapolation\".\"probes\" item " + (i + 1);
            JsonObject p = JsonFields.object(all.get(i), name);
            probes.add(new PointError(JsonFields.number(field(p, "x"), name + " x"),
                    JsonFields.number(field(p, "true"), name + " true"),
                    JsonFields.number(field(p, "predicted"), name + " predicted")));
        }
        return new SinExtrapolation(probes, JsonFields.number(field(o, "rmse_inside"), "\"rmse_inside\""),
                JsonFields.number(field(o, "rmse_outside"), "\"rmse_outside\""),
                JsonFields.string(field(o, "model"), "\"extrapolation\".\"model\""));
    }
}
