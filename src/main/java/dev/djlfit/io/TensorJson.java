package dev.djlfit.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.djlfit.torch.TensorValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tensors in the project's JSON documents (a run document, a trace), as PyTorch's
 * {@code tensor.tolist()} nests them: a scalar as a number, a vector as a list, a matrix as a list
 * of rows, and so on. Each float32 is written as its exact double, so reading it back gives the
 * same bits.
 */
public final class TensorJson {

    private TensorJson() {}

    /** Named tensors (a state_dict) as an object, in their order. */
    public static JsonObject write(Map<String, TensorValues> tensors) {
        JsonObject o = new JsonObject();
        tensors.forEach((name, t) -> o.add(name, write(t)));
        return o;
    }

    public static JsonElement write(TensorValues t) {
        return nested(t, 0, 0);
    }

    /** @throws JsonParseException naming the tensor that is not a rectangular nesting of numbers */
    public static Map<String, TensorValues> readAll(JsonObject o, String what) {
        Map<String, TensorValues> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            tensors.put(e.getKey(), read(e.getValue(), what + " " + e.getKey()));
        }
        return tensors;
    }

    /**
     * @param name what the error calls it, e.g. {@code parameter l1.weight}
     * @throws JsonParseException if it is not a rectangular nesting of numbers
     */
    public static TensorValues read(JsonElement e, String name) {
        List<Long> shape = new ArrayList<>();
        JsonElement probe = e;
        while (probe.isJsonArray()) {
            JsonArray a = probe.getAsJsonArray();
            shape.add((long) a.size());
            if (a.isEmpty()) {
                break;
            }
            probe = a.get(0);
        }
        List<Float> values = new ArrayList<>();
        flatten(e, shape, 0, values, name);
        float[] flat = new float[values.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = values.get(i);
        }
        return new TensorValues(shape.stream().mapToLong(Long::longValue).toArray(), flat);
    }

    /** The elements of {@code t} from {@code offset} on, nested from dimension {@code dim} down. */
    private static JsonElement nested(TensorValues t, int dim, int offset) {
        long[] shape = t.shape();
        if (dim == shape.length) {
            return new JsonPrimitive((double) t.get(offset));
        }
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= (int) shape[d];
        }
        JsonArray a = new JsonArray();
        for (int i = 0; i < shape[dim]; i++) {
            a.add(nested(t, dim + 1, offset + i * stride));
        }
        return a;
    }

    private static void flatten(JsonElement e, List<Long> shape, int dim, List<Float> into, String name) {
        if (dim == shape.size()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new JsonParseException(name + " holds " + BoundedJson.shortened(e.toString()) + ", not numbers");
            }
            into.add(JsonFields.floatNumber(e, name));
            return;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != shape.get(dim)) {
            throw new JsonParseException(name + " is not rectangular: dimension " + dim + " holds "
                    + (e.isJsonArray() ? e.getAsJsonArray().size() + " items" : BoundedJson.shortened(e.toString())) + " where " + shape.get(dim)
                    + " were expected");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            flatten(item, shape, dim + 1, into, name);
        }
    }
}
