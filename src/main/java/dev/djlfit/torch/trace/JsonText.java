package dev.djlfit.torch.trace;

import dev.djlfit.torch.TensorValues;

/**
 * The few pieces of JSON a trace is made of, written with the JDK alone (the kit brings no JSON
 * library): strings, numbers, and tensors nested as {@code tensor.tolist()} nests them.
 */
final class JsonText {

    private JsonText() {}

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A double as Python's {@code json.dumps} writes a float: digits that read back as the same
     * double, {@code NaN} and {@code Infinity} for the values JSON has no number for.
     */
    static void number(StringBuilder out, double v) {
        if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(v);
        }
    }

    /** An integral value as an integer (sample indices, labels), any other as {@link #number}. */
    static void numberOrInteger(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53 && !(v == 0 && 1 / v < 0)) {
            out.append((long) v);
        } else {
            number(out, v);
        }
    }

    /** Each float32 as its exact double, so that reading it back gives the same bits. */
    static void tensor(StringBuilder out, TensorValues t) {
        long[] shape = t.shape();
        float[] values = t.values();
        nested(out, shape, 0, 0, i -> number(out, values[i]));
    }

    interface Element {
        void write(int index);
    }

    static void nested(StringBuilder out, long[] shape, int dim, int offset, Element element) {
        if (dim == shape.length) {
            element.write(offset);
            return;
        }
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= (int) shape[d];
        }
        out.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                out.append(", ");
            }
            nested(out, shape, dim + 1, offset + i * stride, element);
        }
        out.append(']');
    }
}
