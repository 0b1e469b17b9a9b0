package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.StringJoiner;

/**
 * What Python prints: {@code repr(float)} (the shortest digits that read back as the same
 * double, Python's layout), and {@code print(a, b, ...)} / f-string pieces of numbers and tensors.
 *
 * <pre>
 * print(t, loss.item())                   PyFormat.print(t, Torch.item(loss));
 * f'y = {a.item()} + {b.item()} x'        "y = " + PyFormat.str(Torch.item(a)) + " + " + PyFormat.str(Torch.item(b)) + " x"
 * </pre>
 *
 * A {@code float} is printed as the Python float it becomes (its exact double):
 * {@code 0.1f} prints {@code 0.10000000149011612}, as {@code loss.item()} does in PyTorch.
 *
 * <p>{@link #format(String, Object...)} is {@code str.format} (and so f-strings) with the format-spec
 * mini-language, rounded as Python rounds (correctly, ties to even on the exact binary value):
 *
 * <pre>
 * print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")
 *     PyFormat.print(PyFormat.format("loss: {:>7f}  [{:>5d}/{:>5d}]", loss, current, size));
 * format(x, '.1f')                        PyFormat.format(x, ".1f")
 * </pre>
 */
public final class PyFormat {

    private PyFormat() {}

    /**
     * Python's {@code repr(x)} / {@code str(x)} of a float: {@code 1e-06}, {@code 0.1},
     * {@code 36.5625}, {@code 1.2345678901234568e+16}, {@code inf}, {@code nan}, {@code -0.0}.
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros of the digit string (BigDecimal may keep them)
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exponent = digits.length() - shortest.scale() - 1; // decimal exponent of the first digit
        digits = digits.substring(0, end);
        return sign + layout(digits, exponent);
    }

    /** {@code str(x)} of a float32 value, as Python sees it after {@code .item()}: its double. */
    public static String repr(float x) {
        return repr((double) x);
    }

    /** Python's float_repr_style 'short': fixed for exponents -4 ... 15, else d.ddde±XX. */
    private static String layout(String digits, int exponent) {
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                return "0." + "0".repeat(-exponent - 1) + digits;
            }
            if (digits.length() <= exponent + 1) {
                return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
            }
            return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code x} (x finite,
     * positive); of several such, the one nearest {@code x}. Candidates at each length are the
     * nearest decimal and the ones just below and above (near a power of two the interval that
     * reads back as x is lopsided, so the nearest may miss where another does not).
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == x
                        && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * {@code template.format(*args)}: fields {@code {}} (numbered in order) or {@code {0}}, each with
     * an optional {@code !r}/{@code !s}/{@code !a} and a format spec
     * {@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]} as Python reads it; types
     * {@code d b o x X} for integers, {@code f F e E g G %} and none for floats (and integers),
     * {@code s} and none for strings. {@code {{} and {@code }}} are literal braces. An int, long,
     * short, byte or BigInteger is a Python int, a double or float a Python float (a float as its
     * exact double), a Boolean a bool, a 0-dim NDArray its item; anything else prints as
     * {@link #str} with an empty spec. A spec or template Python rejects, or that is not supported
     * here ({@code n}, {@code c}, {@code #} for floats, named fields), throws
     * {@link IllegalArgumentException} with Python's message where it has one.
     */
    public static String format(String template, Object... args) {
        return FormatTemplate.format(template, args);
    }

    /** Python's {@code format(value, spec)}, e.g. {@code format(91.25, ">0.1f")} is {@code "91.2"}. */
    public static String format(double value, String spec) {
        return FormatValue.format(value, spec);
    }

    /** {@code format(value, spec)} of a float32 value as PyTorch's {@code .item()} gives it: its exact double. */
    public static String format(float value, String spec) {
        return FormatValue.format(value, spec);
    }

    /** {@code format(value, spec)} of a Python int. */
    public static String format(long value, String spec) {
        return FormatValue.format(value, spec);
    }

    /** {@code format(value, spec)} of a Python bool ({@code True}/{@code False} with an empty spec, else as 1/0). */
    public static String format(boolean value, String spec) {
        return FormatValue.format(value, spec);
    }

    /**
     * {@code format(value, spec)} of any value {@link #format(String, Object...)} takes (strings
     * included). Not an overload of {@code format}: {@code format(Object, String)} would capture
     * {@code format("{}", someString)}.
     */
    public static String formatValue(Object value, String spec) {
        return FormatValue.format(value, spec);
    }

    /**
     * Python's {@code str()} of what a tutorial prints: a {@code double} or {@code float} as a
     * Python float, an {@link NDArray} as PyTorch's tensor repr, a {@link TensorValues} likewise,
     * a Boolean as {@code True}/{@code False}, null as {@code None}, anything else by
     * {@code String.valueOf}.
     */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return repr(d.doubleValue());
        }
        if (value instanceof Float f) {
            return repr(f.floatValue());
        }
        if (value instanceof NDArray t) {
            return tensor(t);
        }
        if (value instanceof TensorValues t) {
            return TorchFormat.tensor(t);
        }
        return String.valueOf(value);
    }

    /** The line {@code print(*values)} writes, without its newline: each {@link #str}, space-separated. */
    public static String line(Object... values) {
        StringJoiner line = new StringJoiner(" ");
        for (Object value : values) {
            line.add(str(value));
        }
        return line.toString();
    }

    /** {@code print(*values)} to standard output. */
    public static void print(Object... values) {
        System.out.println(line(values));
    }

    /**
     * {@code repr(t)} of a tensor: {@code tensor([...])}, with {@code requires_grad=True} for a
     * leaf that requires grad; integer tensors as PyTorch prints them, a float64 one with its
     * dtype (its values printed through float32, which 4 decimals do not tell apart but at ties). A computed tensor prints without PyTorch's {@code grad_fn=<...>}
     * (see {@link Torch#gradFnName}); {@link #tensor(NDArray, String)} adds it where wanted.
     */
    public static String tensor(NDArray t) {
        if (isInteger(t)) {
            return integerTensor(t, "");
        }
        if (t.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64) {
            try (NDArray narrow = t.toType(ai.djl.ndarray.types.DataType.FLOAT32, true)) {
                return TorchFormat.tensor(TensorValues.of(narrow), "dtype=torch.float64"
                        + (Torch.isLeafRequiringGrad(t) ? ", requires_grad=True" : ""));
            }
        }
        return TorchFormat.tensor(TensorValues.of(t), Torch.isLeafRequiringGrad(t) ? "requires_grad=True" : "");
    }

    private static boolean isInteger(NDArray t) {
        return switch (t.getDataType()) {
            case INT8, UINT8, INT32, INT64, INT16 -> true;
            default -> false;
        };
    }

    /** An integer tensor as PyTorch prints it, with its dtype unless int64 ({@code tensor([1, 2], dtype=torch.int32)}). */
    private static String integerTensor(NDArray t, String suffix) {
        long[] values;
        try (NDArray wide = t.toType(ai.djl.ndarray.types.DataType.INT64, true)) {
            values = wide.toLongArray();
        }
        String dtype = t.getDataType() == ai.djl.ndarray.types.DataType.INT64 ? "" : "dtype=" + TensorAttributes.dtype(t);
        String suffixes = dtype.isEmpty() || suffix.isEmpty() ? dtype + suffix : dtype + ", " + suffix;
        return TorchFormat.integers(t.getShape().getShape(), values, suffixes);
    }

    /** {@code tensor([...], <suffix>)}, e.g. suffix {@code grad_fn=<AddBackward0>}. */
    public static String tensor(NDArray t, String suffix) {
        if (isInteger(t)) {
            return integerTensor(t, suffix);
        }
        return TorchFormat.tensor(TensorValues.of(t), suffix);
    }
}
