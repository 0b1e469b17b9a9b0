package dev.djlfit.trace;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.djlfit.evaluation.PointError;
import dev.djlfit.json.TensorJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        if (trace.epochs() > 0) {
            o.addProperty("epochs", trace.epochs());
        }
        o.addProperty("engine", trace.engine());
        if (trace.inputs().size() > 0) {
            JsonObject inputs = new JsonObject();
            inputs.add("x", floats(trace.inputs().x()));
            inputs.add("y", floats(trace.inputs().y()));
            o.add("inputs", inputs);
        }
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
        if (!trace.tests().isEmpty()) {
            JsonArray tests = new JsonArray();
            for (Trace.TestResult t : trace.tests()) {
                JsonObject test = new JsonObject();
                test.addProperty("epoch", t.epoch());
                test.addProperty("accuracy", t.accuracy());
                test.addProperty("avg_loss", t.avgLoss());
                tests.add(test);
            }
            o.add("tests", tests);
        }
        if (!trace.values().isEmpty()) {
            JsonObject values = new JsonObject();
            trace.values().forEach((name, v) -> values.add(name, nested(v, 0, 0)));
            o.add("values", values);
        }
        o.addProperty("result", trace.result());
        o.addProperty("loop_seconds", trace.loopSeconds());
        trace.extrapolation().ifPresent(e -> o.add("extrapolation", extrapolation(e)));
        return GSON.toJson(o);
    }

    /** @throws InvalidTraceException naming what is missing or malformed */
    public static Trace read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws InvalidTraceException naming what is missing or malformed */
    public static Trace parse(String json, String source) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            JsonObject inputs = o.getAsJsonObject("inputs");
            List<Trace.PrintedLoss> losses = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("losses")) {
                JsonArray pair = e.getAsJsonArray();
                losses.add(new Trace.PrintedLoss(pair.get(0).getAsInt(), pair.get(1).getAsFloat()));
            }
            List<Trace.TestResult> tests = new ArrayList<>();
            if (o.has("tests")) {
                for (JsonElement e : o.getAsJsonArray("tests")) {
                    JsonObject t = e.getAsJsonObject();
                    tests.add(new Trace.TestResult(t.get("epoch").getAsInt(), t.get("accuracy").getAsDouble(),
                            t.get("avg_loss").getAsDouble()));
                }
            }
            Map<String, Trace.NamedValue> values = new LinkedHashMap<>();
            if (o.has("values")) {
                for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("values").entrySet()) {
                    values.put(e.getKey(), namedValue(e.getValue(), e.getKey()));
                }
            }
            return new Trace(
                    o.get("program").getAsString(),
                    o.get("seed").getAsLong(),
                    o.get("steps").getAsInt(),
                    o.has("engine") ? o.get("engine").getAsString() : "unknown",
                    inputs == null ? Trace.noInputs()
                            : new Trace.Inputs(floats(inputs.getAsJsonArray("x")), floats(inputs.getAsJsonArray("y"))),
                    TensorJson.readAll(o.getAsJsonObject("initial_parameters"), "parameter"),
                    TensorJson.readAll(o.getAsJsonObject("final_parameters"), "parameter"),
                    losses,
                    o.get("result").getAsString(),
                    o.has("loop_seconds") && !o.get("loop_seconds").isJsonNull() ? o.get("loop_seconds").getAsDouble() : 0,
                    o.has("extrapolation") ? Optional.of(extrapolation(o.getAsJsonObject("extrapolation")))
                            : Optional.empty(),
                    o.has("epochs") ? o.get("epochs").getAsInt() : 0,
                    tests,
                    values);
        } catch (RuntimeException e) {
            throw new InvalidTraceException(source + " is not a trace (docs/trace-format.md): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** A number, or a rectangular nesting of lists of numbers. */
    private static Trace.NamedValue namedValue(JsonElement e, String name) {
        List<Long> shape = new ArrayList<>();
        JsonElement probe = e;
        while (probe.isJsonArray() && !probe.getAsJsonArray().isEmpty()) {
            shape.add((long) probe.getAsJsonArray().size());
            probe = probe.getAsJsonArray().get(0);
        }
        if (probe.isJsonArray()) {
            shape.add(0L);
        }
        List<Double> numbers = new ArrayList<>();
        flatten(e, shape, 0, numbers, name);
        return new Trace.NamedValue(shape.stream().mapToLong(Long::longValue).toArray(),
                numbers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void flatten(JsonElement e, List<Long> shape, int dim, List<Double> out, String name) {
        if (dim == shape.size()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException("value " + name + " is not a number or a rectangular list of numbers");
            }
            out.add(e.getAsDouble());
            return;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != shape.get(dim)) {
            throw new IllegalArgumentException("value " + name + " is not a number or a rectangular list of numbers");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            flatten(item, shape, dim + 1, out, name);
        }
    }

    private static JsonElement nested(Trace.NamedValue v, int dim, int offset) {
        long[] shape = v.shape();
        if (dim == shape.length) {
            double x = v.numbers()[offset];
            return x == Math.rint(x) && Math.abs(x) < 1L << 53 ? new JsonPrimitive((long) x) : new JsonPrimitive(x);
        }
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= (int) shape[d];
        }
        JsonArray a = new JsonArray();
        for (int i = 0; i < shape[dim]; i++) {
            a.add(nested(v, dim + 1, offset + i * stride));
        }
        return a;
    }

    private static JsonArray floats(float[] values) {
        JsonArray a = new JsonArray(values.length);
        for (float v : values) {
            a.add((double) v);
        }
        return a;
    }

    private static float[] floats(JsonArray a) {
        float[] values = new float[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = a.get(i).getAsFloat();
        }
        return values;
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
        for (JsonElement e : o.getAsJsonArray("probes")) {
            JsonObject p = e.getAsJsonObject();
            probes.add(new PointError(p.get("x").getAsDouble(), p.get("true").getAsDouble(),
                    p.get("predicted").getAsDouble()));
        }
        return new SinExtrapolation(probes, o.get("rmse_inside").getAsDouble(), o.get("rmse_outside").getAsDouble(),
                o.get("model").getAsString());
    }
}
