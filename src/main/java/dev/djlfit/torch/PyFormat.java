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
     * Python's {@code str()} of what a tutorial prints: a {@code double} or {@code float} as a
     * Python float, an {@link NDArray} as PyTorch's tensor repr, a {@link TensorValues} likewise,
     * anything else by {@code String.valueOf}.
     */
    public static String str(Object value) {
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
     * leaf that requires grad. A computed tensor prints without PyTorch's {@code grad_fn=<...>}
     * (see {@link Torch#gradFnName}); {@link #tensor(NDArray, String)} adds it where wanted.
     */
    public static String tensor(NDArray t) {
        return TorchFormat.tensor(TensorValues.of(t), Torch.isLeafRequiringGrad(t) ? "requires_grad=True" : "");
    }

    /** {@code tensor([...], <suffix>)}, e.g. suffix {@code grad_fn=<AddBackward0>}. */
    public static String tensor(NDArray t, String suffix) {
        return TorchFormat.tensor(TensorValues.of(t), suffix);
    }
}
