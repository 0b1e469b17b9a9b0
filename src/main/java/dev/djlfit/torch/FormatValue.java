package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code format(value, spec)} for the values a port prints: Java integers and
 * {@link BigInteger} as Python ints, {@code double} and {@code float} as Python floats (a float
 * is its exact double, as {@code loss.item()} gives it), {@code Boolean} as a bool, strings, a
 * 0-dim {@link NDArray} as its item. Digits are correctly rounded from the exact binary value,
 * ties to even, as CPython's {@code dtoa} rounds.
 */
final class FormatValue {

    private FormatValue() {}

    static String format(Object value, String spec) {
        if (value instanceof Double d) {
            return formatFloat(d, FormatSpec.parse(spec, "float", (char) 0, '>'), "float");
        }
        if (value instanceof Float f) {
            return formatFloat(f.doubleValue(), FormatSpec.parse(spec, "float", (char) 0, '>'), "float");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return formatInt(BigInteger.valueOf(((Number) value).longValue()), spec, "int");
        }
        if (value instanceof BigInteger i) {
            return formatInt(i, spec, "int");
        }
        if (value instanceof Boolean b) {
            return spec.isEmpty() ? PyFormat.str(b) : formatInt(b ? BigInteger.ONE : BigInteger.ZERO, spec, "bool");
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return formatStr(value.toString(), spec);
        }
        if (value instanceof NDArray t && t.getShape().dimension() == 0) {
            return format(item(t), spec); // Tensor.__format__ of a 0-dim tensor formats its item()
        }
        if (!spec.isEmpty()) {
            String typeName = value == null ? "NoneType" : value instanceof NDArray ? "Tensor" : value.getClass().getSimpleName();
            throw new IllegalArgumentException("unsupported format string passed to " + typeName + ".__format__");
        }
        return PyFormat.str(value);
    }

    private static Object item(NDArray t) {
        DataType type = t.getDataType();
        if (type == DataType.BOOLEAN) {
            return t.toBooleanArray()[0];
        }
        if (type.isInteger()) {
            return t.toType(DataType.INT64, false).toLongArray()[0];
        }
        return Torch.item(t);
    }

    // ---------------------------------------------------------------- str

    private static String formatStr(String s, String specText) {
        FormatSpec spec = FormatSpec.parse(specText, "str", 's', '<');
        if (spec.type() != 0 && spec.type() != 's') {
            throw unknownCode(spec.type(), "str");
        }
        if (spec.sign() != 0) {
            throw new IllegalArgumentException("Sign not allowed in string format specifier");
        }
        if (spec.noNegativeZero()) {
            throw new IllegalArgumentException("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (spec.alternate()) {
            throw new IllegalArgumentException("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align() == '=') {
            throw new IllegalArgumentException("'=' alignment not allowed in string format specifier");
        }
        if (spec.precision() >= 0 && spec.precision() < s.codePointCount(0, s.length())) {
            s = s.substring(0, s.offsetByCodePoints(0, spec.precision()));
        }
        return spec.pad(s, spec.alignOr('<'));
    }

    // ---------------------------------------------------------------- int

    private static String formatInt(BigInteger value, String specText, String typeName) {
        FormatSpec spec = FormatSpec.parse(specText, typeName, 'd', '>');
        char type = spec.type() == 0 ? 'd' : spec.type();
        int radix;
        String prefix;
        switch (type) {
            case 'd' -> {
                radix = 10;
                prefix = "";
            }
            case 'x', 'X' -> {
                radix = 16;
                prefix = "0" + type;
            }
            case 'o' -> {
                radix = 8;
                prefix = "0o";
            }
            case 'b' -> {
                radix = 2;
                prefix = "0b";
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                double asFloat = value.doubleValue();
                if (Double.isInfinite(asFloat)) {
                    throw new IllegalArgumentException("int too large to convert to float");
                }
                return formatFloat(asFloat, spec, typeName);
            }
            case 'n', 'c' -> throw new IllegalArgumentException(
                    "format code '" + type + "' is not supported by PyFormat (use 'd' or a str)");
            default -> throw unknownCode(type, typeName);
        }
        if (spec.precision() >= 0) {
            throw new IllegalArgumentException("Precision not allowed in integer format specifier");
        }
        if (spec.noNegativeZero()) {
            throw new IllegalArgumentException("Negative zero coercion (z) not allowed in integer format specifier");
        }
        String digits = value.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        return layout(spec, signOf(value.signum() < 0, spec), spec.alternate() ? prefix : "", digits, "", radix == 10 ? 3 : 4);
    }

    // ---------------------------------------------------------------- float

    private static String formatFloat(double x, FormatSpec spec, String typeName) {
        if (spec.alternate()) {
            throw new IllegalArgumentException("the alternate form (#) of a float is not supported by PyFormat");
        }
        char type = spec.type();
        int precision = spec.precision();
        boolean negative = !Double.isNaN(x) && (Double.doubleToRawLongBits(x) < 0);
        double magnitude = Math.abs(x);
        String body;
        switch (type) {
            case 0 -> body = precision < 0
                    ? PyFormat.repr(Double.isNaN(x) ? x : magnitude)
                    : general(magnitude, precision, true);
            case 'f', 'F' -> body = fixed(magnitude, precision < 0 ? 6 : precision);
            case 'e', 'E' -> body = exponent(magnitude, precision < 0 ? 6 : precision);
            case 'g', 'G' -> body = general(magnitude, precision < 0 ? 6 : precision, false);
            case '%' -> body = fixed(magnitude * 100, precision < 0 ? 6 : precision) + "%";
            case 'n' -> throw new IllegalArgumentException(
                    "format code 'n' is not supported by PyFormat (use 'g')");
            default -> throw unknownCode(type, typeName);
        }
        if (type == 'F' || type == 'E' || type == 'G') {
            body = body.toUpperCase(Locale.ROOT);
        }
        if (negative && spec.noNegativeZero() && Double.isFinite(x) && roundsToZero(body)) {
            negative = false;
        }
        int digitsEnd = 0;
        while (digitsEnd < body.length() && Character.isDigit(body.charAt(digitsEnd))) {
            digitsEnd++;
        }
        return layout(spec, signOf(negative, spec), "", body.substring(0, digitsEnd), body.substring(digitsEnd), 3);
    }

    private static boolean roundsToZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    private static String nonFinite(double magnitude) {
        return Double.isNaN(magnitude) ? "nan" : "inf";
    }

    /** {@code 'f'}: {@code precision} digits after the point, correctly rounded, ties to even. */
    private static String fixed(double magnitude, int precision) {
        if (!Double.isFinite(magnitude)) {
            return nonFinite(magnitude);
        }
        return new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code 'e'}: d.ddd (precision digits after the point) then e±XX. */
    private static String exponent(double magnitude, int precision) {
        if (!Double.isFinite(magnitude)) {
            return nonFinite(magnitude);
        }
        Digits d = Digits.of(magnitude, precision + 1);
        String digits = d.digits + "0".repeat(precision + 1 - d.digits.length());
        String mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + exponentSuffix(d.exponent);
    }

    /**
     * {@code 'g'} (and the spec with no type but a precision, {@code addDot0}): {@code precision}
     * significant digits, trailing zeros dropped; fixed notation while the exponent is at least -4
     * and below the precision (below precision - 1 with no type), else exponent notation.
     */
    private static String general(double magnitude, int precision, boolean addDot0) {
        if (!Double.isFinite(magnitude)) {
            return nonFinite(magnitude);
        }
        int p = Math.max(precision, 1);
        Digits d = Digits.of(magnitude, p);
        String digits = d.digits.replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        int decimalPoint = d.exponent + 1;
        boolean useExponent = decimalPoint <= -4 || decimalPoint > (addDot0 ? p - 1 : p);
        if (useExponent) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + exponentSuffix(d.exponent);
        }
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (digits.length() <= decimalPoint) {
            return digits + "0".repeat(decimalPoint - digits.length()) + (addDot0 ? ".0" : "");
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    private static String exponentSuffix(int exponent) {
        String e = Integer.toString(Math.abs(exponent));
        return (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    /** {@code magnitude} rounded to {@code significant} digits (ties to even) and its decimal exponent; zero is "0", exponent 0. */
    private record Digits(String digits, int exponent) {
        static Digits of(double magnitude, int significant) {
            if (magnitude == 0) {
                return new Digits("0", 0);
            }
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(significant, RoundingMode.HALF_EVEN));
            String digits = rounded.unscaledValue().toString();
            return new Digits(digits, digits.length() - rounded.scale() - 1);
        }
    }

    // ---------------------------------------------------------------- layout

    private static String signOf(boolean negative, FormatSpec spec) {
        if (negative) {
            return "-";
        }
        return spec.sign() == '+' ? "+" : spec.sign() == ' ' ? " " : "";
    }

    /**
     * sign, prefix, the integer digits (grouped; with fill '0' and '=' alignment zero-padded to the
     * width, the zeros grouped too, as CPython does), then the rest (point, fraction, exponent, %),
     * padded to the width.
     */
    private static String layout(FormatSpec spec, String sign, String prefix, String digits, String rest, int groupSize) {
        char align = spec.alignOr('>');
        int nonDigits = sign.length() + prefix.length() + rest.length();
        int minWidth = spec.fill() == '0' && align == '=' ? spec.width() - nonDigits : 0;
        String grouped = group(digits, spec.grouping(), groupSize, minWidth);
        int padding = Math.max(0, spec.width() - nonDigits - grouped.length());
        if (align == '=') {
            return sign + prefix + spec.fill(padding) + grouped + rest;
        }
        return spec.pad(sign + prefix + grouped + rest, align);
    }

    /** CPython's thousands grouping: groups from the right, zero-filled until {@code minWidth} is reached. */
    private static String group(String digits, char separator, int groupSize, int minWidth) {
        if (separator == 0 || digits.isEmpty()) { // inf and nan: zero-filled, never grouped
            int length = Math.max(digits.length(), minWidth);
            return "0".repeat(length - digits.length()) + digits;
        }
        StringBuilder reversed = new StringBuilder();
        int remaining = digits.length();
        int width = minWidth;
        while (true) {
            int take = Math.min(Math.max(Math.max(remaining, width), 1), groupSize);
            int chars = Math.min(remaining, take);
            for (int i = 0; i < chars; i++) {
                reversed.append(digits.charAt(remaining - 1 - i));
            }
            reversed.append("0".repeat(take - chars));
            remaining -= chars;
            width -= take;
            if (remaining <= 0 && width <= 0) {
                break;
            }
            reversed.append(separator);
            width -= 1;
        }
        return reversed.reverse().toString();
    }

    private static IllegalArgumentException unknownCode(char type, String typeName) {
        return new IllegalArgumentException("Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }
}
