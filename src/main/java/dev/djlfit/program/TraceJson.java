package dev.djlfit.program;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.djlfit.extrapolation.PointError;
import dev.djlfit.io.TextInput;
import dev.djlfit.io.BoundedJson;
import dev.djlfit.io.InvalidJsonException;
import dev.djlfit.io.JsonFields;
import dev.djlfit.io.TensorJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link Trace} to and from its JSON (docs/trace-format.md), the one the reference programs write. */
public final class TraceJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TraceJson() {}

    public static String toJson(Trace trace) {
        return GSON.toJson(tree(trace));
    }

    /** The trace as a JSON object, for a document that adds keys of its own (readers ignore unknown keys). */
    public static JsonObject tree(Trace trace) {
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
        return o;
    }

    /** The most bytes a trace file may have: the ports' traces are well under a megabyte. */
    public static final long MAX_BYTES = 64L << 20;

    /**
     * @param shown how to name the file in messages, e.g. {@code --inputs run.json}
     * @throws InvalidTraceException naming what is missing or malformed
     * @throws dev.djlfit.io.CannotReadException where the file cannot be read, is too large or is not text
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
            Trace.Inputs given = Trace.noInputs();
            if (o.has("inputs")) {
                JsonObject inputs = JsonFields.object(o.get("inputs"), "\"inputs\"");
                float[] x = JsonFields.floats(field(inputs, "x"), "\"inputs\".\"x\"");
                float[] y = JsonFields.floats(field(inputs, "y"), "\"inputs\".\"y\"");
                if (x.length != y.length) {
                    throw new InvalidJsonException("\"inputs\" holds " + x.length + " x but " + y.length + " y values");
                }
                given = new Trace.Inputs(x, y);
            }
            List<Trace.TestResult> tests = new ArrayList<>();
            if (o.has("tests")) {
                JsonArray all = JsonFields.array(o.get("tests"), "\"tests\"");
                for (int i = 0; i < all.size(); i++) {
                    String name = "\"tests\" item " + (i + 1);
                    JsonObject t = JsonFields.object(all.get(i), name);
                    tests.add(new Trace.TestResult(
                            (int) JsonFields.wholeNumber(field(t, "epoch"), name + " epoch", 0, Integer.MAX_VALUE),
                            JsonFields.number(field(t, "accuracy"), name + " accuracy"),
                            JsonFields.number(field(t, "avg_loss"), name + " avg_loss")));
                }
            }
            Map<String, Trace.NamedValue> values = new LinkedHashMap<>();
            if (o.has("values")) {
                for (Map.Entry<String, JsonElement> e : JsonFields.object(o.get("values"), "\"values\"").entrySet()) {
                    values.put(e.getKey(), namedValue(e.getValue(), e.getKey()));
                }
            }
            return new Trace(
                    JsonFields.string(field(o, "program"), "\"program\""),
                    JsonFields.wholeNumber(field(o, "seed"), "\"seed\"", Long.MIN_VALUE, Long.MAX_VALUE),
                    (int) JsonFields.wholeNumber(field(o, "steps"), "\"steps\"", 0, Integer.MAX_VALUE),
                    o.has("engine") ? JsonFields.string(o.get("engine"), "\"engine\"") : "unknown",
                    given,
                    TensorJson.readAll(JsonFields.object(field(o, "initial_parameters"), "\"initial_parameters\""),
                            "parameter"),
                    TensorJson.readAll(JsonFields.object(field(o, "final_parameters"), "\"final_parameters\""),
                            "parameter"),
                    losses,
                    JsonFields.string(field(o, "result"), "\"result\""),
                    o.has("loop_seconds") && !o.get("loop_seconds").isJsonNull()
                            ? JsonFields.number(o.get("loop_seconds"), "\"loop_seconds\"") : 0,
                    o.has("extrapolation") ? Optional.of(extrapolation(JsonFields.object(o.get("extrapolation"),
                            "\"extrapolation\""))) : Optional.empty(),
                    o.has("epochs") ? (int) JsonFields.wholeNumber(o.get("epochs"), "\"epochs\"", 0, Integer.MAX_VALUE) : 0,
                    tests,
                    values);
        } catch (InvalidJsonException | JsonParseException e) {
            throw new InvalidTraceException(e.getMessage().startsWith(source) ? e.getMessage()
                    : source + " is not a trace (docs/trace-format.md): " + e.getMessage());
        }
    }

    private static JsonElement field(JsonObject o, String key) {
        return JsonFields.field(o, key, "");
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
                throw new InvalidJsonException("\"values\".\"" + name + "\" is not a number or a rectangular list of numbers");
            }
            out.add(JsonFields.number(e, "\"values\".\"" + name + "\""));
            return;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != shape.get(dim)) {
            throw new InvalidJsonException("\"values\".\"" + name + "\" is not a number or a rectangular list of numbers");
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

    private static JsonObject extrapolation(ExtrapolationSummary e) {
        JsonObject o = new JsonObject();
        o.addProperty("truth", e.truth());
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
        o.addProperty("inside", e.inside());
        o.addProperty("rmse_outside", e.outsideRmse());
        o.addProperty("outside", e.outside());
        return o;
    }

    private static ExtrapolationSummary extrapolation(JsonObject o) {
        List<PointError> probes = new ArrayList<>();
        JsonArray all = JsonFields.array(field(o, "probes"), "\"extrapolation\".\"probes\"");
        for (int i = 0; i < all.size(); i++) {
            String name = "\"extrapolation\".\"probes\" item " + (i + 1);
            JsonObject p = JsonFields.object(all.get(i), name);
            probes.add(new PointError(JsonFields.number(field(p, "x"), name + " x"),
                    JsonFields.number(field(p, "true"), name + " true"),
                    JsonFields.number(field(p, "predicted"), name + " predicted")));
        }
        return new ExtrapolationSummary(optionalText(o, "truth"),
                JsonFields.string(field(o, "model"), "\"extrapolation\".\"model\""), probes,
                JsonFields.number(field(o, "rmse_inside"), "\"rmse_inside\""), optionalText(o, "inside"),
                JsonFields.number(field(o, "rmse_outside"), "\"rmse_outside\""), optionalText(o, "outside"));
    }

    /** A description a trace may leave out (the three were not read before the article's traces held one). */
    private static String optionalText(JsonObject extrapolation, String name) {
        return extrapolation.has(name)
                ? JsonFields.string(extrapolation.get(name), "\"extrapolation\".\"" + name + "\"") : "";
    }
}
