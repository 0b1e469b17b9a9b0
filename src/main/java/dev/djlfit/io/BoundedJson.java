package dev.djlfit.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way this project reads a JSON document it did not just write: strict JSON (no NaN, no
 * comments, no single quotes), at most {@value #MAX_DEPTH} levels of nesting, every number finite.
 * Its failures are one line in the user's words that say where (line and column), never the
 * parser's own message. The size of the text is {@link dev.djlfit.io.TextInput}'s business.
 */
public final class BoundedJson {

    /** The deepest document this project writes nests 5 levels (a trace's matrix of parameters). */
    public static final int MAX_DEPTH = 64;

    private static final Pattern PLACE = Pattern.compile("line (\\d+) column (\\d+)");

    private BoundedJson() {}

    /**
     * @param source how to name the document in messages, e.g. {@code --inputs run.json}
     * @throws InvalidJsonException where the text is not such a document
     */
    public static JsonElement parse(String text, String source) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                throw new InvalidJsonException(source + " is empty, not JSON");
            }
            JsonElement root = value(reader, source, 1);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidJsonException(source + " has more after its JSON value ends" + place(reader));
            }
            return root;
        } catch (java.io.EOFException e) {
            throw new InvalidJsonException(source + " ends in the middle of its JSON (cut short?)");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new InvalidJsonException(source + " is not valid JSON" + place(e, reader));
        }
    }

    private static JsonElement value(JsonReader reader, String source, int depth) throws IOException {
        JsonToken token = reader.peek();
        if ((token == JsonToken.BEGIN_ARRAY || token == JsonToken.BEGIN_OBJECT) && depth > MAX_DEPTH) {
            throw new InvalidJsonException(source + " nests deeper than " + MAX_DEPTH + " levels" + place(reader)
                    + "; no document of this project is that deep");
        }
        switch (token) {
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(value(reader, source, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new InvalidJsonException(source + " names \"" + shortened(name) + "\" twice in one object"
                                + place(reader));
                    }
                    object.add(name, value(reader, source, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                String written = reader.nextString();
                // a fraction keeps its exact double (and the sign of -0.0); a whole number every digit
                boolean whole = written.chars().allMatch(c -> c == '-' || Character.isDigit(c));
                Number number = whole ? new BigDecimal(written) : Double.valueOf(written);
                if (!Double.isFinite(number.doubleValue())) {
                    throw new InvalidJsonException(source + " holds the number " + shortened(written) + place(reader)
                            + ", beyond the range of a double (about 1.8e308)");
                }
                return new JsonPrimitive(number);
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new InvalidJsonException(source + " is not valid JSON" + place(reader));
        }
    }

    private static String place(JsonReader reader) {
        return place(null, reader);
    }

    /** " at line 3, column 7", from the parser's own message where it says so, else from where the reader is. */
    private static String place(Exception e, JsonReader reader) {
        String said = e == null || e.getMessage() == null ? reader.toString() : e.getMessage();
        Matcher m = PLACE.matcher(said);
        if (!m.find()) {
            m = PLACE.matcher(reader.toString());
            if (!m.find()) {
                return "";
            }
        }
        return " at line " + m.group(1) + ", column " + m.group(2);
    }

    static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
