package dev.djlfit.torch;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tensor the way PyTorch's {@code repr} does (torch/_tensor_str.py, default print
 * options: precision 4, line width 80): the same number format (fixed, integer or scientific,
 * chosen from the values), the same column width and the same line breaking, so the port's output
 * reads line for line like the article's.
 */
public final class TorchFormat {

    private static final int PRECISION = 4;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";
    /** PyTorch's print options: tensors of more elements are summarised, edge items shown. */
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private TorchFormat() {}

    /** {@code tensor([...])}. */
    public static String tensor(TensorValues t) {
        return tensor(t, "");
    }

    /** {@code tensor([...], <suffix>)}, e.g. suffix {@code requires_grad=True}. */
    public static String tensor(TensorValues t, String suffix) {
        boolean summarize = t.size() > THRESHOLD;
        Formatter formatter = new Formatter(summarize ? summarized(t, 0, t.size(), 0) : t.values());
        Cells cells = new Cells(t.shape(), i -> formatter.format(t.get(i)), formatter.width());
        String body = format(cells, 0, t.values().length, 0, PREFIX.length(), summarize);
        return withSuffixes(PREFIX + body, suffix);
    }

    /**
     * PyTorch's {@code _add_suffixes}: each suffix ({@code ", "}-separated in {@code suffixes}) after
     * a comma on the same line, or on a line of its own, indented, where it would pass the line width.
     */
    private static String withSuffixes(String tensorStr, String suffixes) {
        StringBuilder out = new StringBuilder(tensorStr);
        if (!suffixes.isEmpty()) {
            int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
            for (String suffix : suffixes.split(", ")) {
                if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                    out.append(",\n").append(" ".repeat(PREFIX.length())).append(suffix);
                    lastLineLength = PREFIX.length() + suffix.length();
                } else {
                    out.append(", ").append(suffix);
                    lastLineLength += suffix.length() + 2;
                }
            }
        }
        return out.append(')').toString();
    }

    /**
     * {@code tensor([...])} of an integer tensor (int64, int32, uint8, ...): each value as Python
     * prints an int, right-aligned to the widest, e.g. {@code tensor([[1, 2],\n        [3, 4]])}.
     *
     * @param values the elements in row-major order
     */
    public static String integers(long[] shape, long[] values) {
        return integers(shape, values, "");
    }

    /** {@code tensor([...], <suffix>)} of an integer tensor, e.g. suffix {@code dtype=torch.int32}. */
    public static String integers(long[] shape, long[] values, String suffix) {
        boolean summarize = values.length > THRESHOLD;
        int width = 1;
        for (long v : values) {
            width = Math.max(width, Long.toString(v).length());
        }
        int w = width;
        Cells cells = new Cells(shape, i -> {
            String text = Long.toString(values[i]);
            return " ".repeat(w - text.length()) + text;
        }, width);
        return withSuffixes(PREFIX + format(cells, 0, values.length, 0, PREFIX.length(), summarize), suffix);
    }

    /** A tensor's shape and its elements as printed, each padded to {@code width}. */
    private record Cells(long[] shape, java.util.function.IntFunction<String> cell, int width) {}

    /** {@code Parameter containing:\ntensor([...], requires_grad=True)}. */
    public static String parameter(TensorValues t) {
        return "Parameter containing:\n" + tensor(t, "requires_grad=True");
    }

    /** PyTorch's {@code get_summarized_data}: the edge items the summarised print shows. */
    private static float[] summarized(TensorValues t, int offset, int count, int dim) {
        long[] shape = t.shape();
        if (shape.length == 0) {
            return new float[] {t.get(0)};
        }
        int rows = (int) shape[dim];
        int stride = count / Math.max(rows, 1);
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (rows <= 2 * EDGE_ITEMS || r < EDGE_ITEMS || r >= rows - EDGE_ITEMS) {
                kept.add(r);
            }
        }
        List<float[]> parts = new ArrayList<>();
        for (int r : kept) {
            parts.add(dim == shape.length - 1
                    ? new float[] {t.get(offset + r)}
                    : summarized(t, offset + r * stride, stride, dim + 1));
        }
        int total = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    private static String format(Cells cells, int offset, int count, int dim, int indent, boolean summarize) {
        long[] shape = cells.shape();
        if (shape.length == 0) {
            return cells.cell().apply(0);
        }
        if (dim == shape.length - 1) {
            return vector(cells, offset, count, indent, summarize);
        }
        int rows = (int) shape[dim];
        int stride = count / Math.max(rows, 1);
        List<String> slices = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (summarize && rows > 2 * EDGE_ITEMS && r == EDGE_ITEMS) {
                slices.add("...");
                r = rows - EDGE_ITEMS - 1;
                continue;
            }
            slices.add(format(cells, offset + r * stride, stride, dim + 1, indent + 1, summarize));
        }
        int remainingDims = shape.length - dim;
        String separator = "," + "\n".repeat(remainingDims - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, slices) + "]";
    }

    private static String vector(Cells cells, int offset, int count, int indent, boolean summarize) {
        int elementLength = cells.width() + 2;
        int perLine = Math.max(1, (LINE_WIDTH - indent) / elementLength);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (summarize && count > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                elements.add(" ...");
                i = count - EDGE_ITEMS - 1;
                continue;
            }
            elements.add(cells.cell().apply(offset + i));
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0 && i % perLine == 0) {
                lines.add(line.toString());
                line.setLength(0);
            } else if (i > 0) {
                line.append(", ");
            }
            line.append(elements.get(i));
        }
        lines.add(line.toString());
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** PyTorch's {@code _Formatter} for floating-point tensors. */
    static final class Formatter {
        private boolean intMode = true;
        private boolean sciMode = false;
        private int maxWidth = 1;

        Formatter(float[] values) {
            List<Float> nonzeroFinite = new ArrayList<>();
            for (float v : values) {
                if (Float.isFinite(v) && v != 0) {
                    nonzeroFinite.add(v);
                }
            }
            if (nonzeroFinite.isEmpty()) {
                return;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (float v : nonzeroFinite) {
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                if (v != Math.ceil(v)) {
                    intMode = false;
                }
            }
            if (intMode) {
                sciMode = max / min > 1000.0 || max > 1.0e8;
                for (float v : nonzeroFinite) {
                    maxWidth = Math.max(maxWidth, sciMode ? scientific(v).length() : integral(v).length() + 1);
                }
            } else {
                sciMode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
                for (float v : nonzeroFinite) {
                    maxWidth = Math.max(maxWidth, sciMode ? scientific(v).length() : fixed(v).length());
                }
            }
        }

        int width() {
            return maxWidth;
        }

        String format(float v) {
            String text;
            if (sciMode) {
                text = scientific(v);
            } else if (intMode) {
                text = integral(v) + (Float.isFinite(v) ? "." : "");
            } else {
                text = fixed(v);
            }
            return " ".repeat(Math.max(0, maxWidth - text.length())) + text;
        }
    }

    /** Python's {@code "{:.4f}".format(v)}: the exact binary value, correctly rounded. */
    static String fixed(float v) {
        if (!Float.isFinite(v)) {
            return nonFinite(v);
        }
        String digits = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) && !digits.startsWith("-") ? "-" + digits : digits;
    }

    /** Python's {@code "{:.0f}".format(v)}. */
    static String integral(float v) {
        if (!Float.isFinite(v)) {
            return nonFinite(v);
        }
        String digits = new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) && !digits.startsWith("-") ? "-" + digits : digits;
    }

    /** Python's {@code "{:.4e}".format(v)}, e.g. {@code 1.2346e+01}. */
    static String scientific(float v) {
        if (!Float.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return (negative(v) ? "-" : "") + "0." + "0".repeat(PRECISION) + "e+00";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal rounded = exact.round(new java.math.MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(PRECISION, RoundingMode.HALF_EVEN);
        String sign = exponent < 0 ? "-" : "+";
        String exp = String.format("%02d", Math.abs(exponent));
        return mantissa.toPlainString() + "e" + sign + exp;
    }

    private static boolean negative(float v) {
        return v < 0 || (v == 0 && 1 / v < 0);
    }

    private static String nonFinite(float v) {
        return Float.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
