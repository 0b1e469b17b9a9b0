package dev.djlfit.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Typed reading of a parsed document's fields: a missing field, a field of the wrong kind (a
 * number written as text, a list where an object goes) or a number a float cannot hold is an
 * {@link InvalidJsonException} that names the field, never a Java message.
 */
public final class JsonFields {

    private JsonFields() {}

    public static JsonObject object(JsonElement e, String name) {
        if (e == null || !e.isJsonObject()) {
            throw wrongKind(e, name, "an object { ... }");
        }
        return e.getAsJsonObject();
    }

    public static JsonArray array(JsonElement e, String name) {
        if (e == null || !e.isJsonArray()) {
            throw wrongKind(e, name, "a list [ ... ]");
        }
        return e.getAsJsonArray();
    }

    public static double number(JsonElement e, String name) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongKind(e, name, "a number");
        }
        return e.getAsDouble();
    }

    /** A finite number that a 32-bit float holds (what the nets compute in). */
    public static float floatNumber(JsonElement e, String name) {
        double d = number(e, name);
        float f = (float) d;
        if (!Float.isFinite(f)) {
            throw new InvalidJsonException(name + " is " + d + ", too large for a 32-bit float (at most about 3.4e38)");
        }
        return f;
    }

    public static long wholeNumber(JsonElement e, String name, long min, long max) {
        double d = number(e, name);
        if (d != Math.rint(d) || d < min || d > max) {
            throw new InvalidJsonException(name + " is " + shown(e) + "; a whole number from " + min + " to " + max
                    + " is expected");
        }
        return e.getAsBigDecimal().longValueExact();
    }

    public static String string(JsonElement e, String name) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrongKind(e, name, "text in quotes");
        }
        return e.getAsString();
    }

    /** {@code o}'s field {@code key}, present and not null. */
    public static JsonElement field(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new InvalidJsonException(where + "\"" + key + "\" is missing");
        }
        return e;
    }

    /** The values of a list of numbers, each a finite float. */
    public static float[] floats(JsonElement e, String name) {
        JsonArray a = array(e, name);
        float[] values = new float[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = floatNumber(a.get(i), name + " item " + (i + 1));
        }
        return values;
    }

    private static InvalidJsonException wrongKind(JsonElement e, String name, String expected) {
        return new InvalidJsonException(name + " is " + (e == null || e.isJsonNull() ? "missing" : kind(e))
                + " where " + expected + " is expected");
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.getAsJsonPrimitive().isString()) {
            return "the text \"" + BoundedJson.shortened(e.getAsString()) + "\"";
        }
        return shown(e);
    }

    private static String shown(JsonElement e) {
        return BoundedJson.shortened(e.toString());
    }
}
