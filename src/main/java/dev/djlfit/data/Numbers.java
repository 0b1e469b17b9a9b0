package dev.djlfit.data;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reads one number as a person writes it, strictly: no Java suffixes, no hex, no silent NaN. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private Numbers() {}

    /** Whether {@code text} is a decimal number (finite or not). */
    static boolean isNumber(String text) {
        String t = text.strip();
        return DECIMAL.matcher(t).matches() || NOT_FINITE.matcher(t).matches();
    }

    /**
     * The value of {@code text} as a finite 32-bit float (what the net computes in).
     *
     * @param where how to name the place in a message, e.g. {@code data.csv line 7, x}
     */
    static float parseFinite(String text, String where) {
        return checkFinite(parseFiniteDouble(text, where), where, text.strip());
    }

    /** The same in double, for the ends and steps of ranges, which are computed before rounding. */
    static double parseFiniteDouble(String text, String where) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidDataException(where + " is empty");
        }
        if (NOT_FINITE.matcher(t).matches()) {
            throw new InvalidDataException(where + " is " + t + "; only finite numbers can be fitted");
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new InvalidDataException(where + " is not a number: '" + abbreviate(t) + "'");
        }
        double value = Double.parseDouble(t);
        if (!Double.isFinite(value)) {
            throw new InvalidDataException(where + " is " + t + "; only finite numbers can be fitted");
        }
        return value;
    }

    /** {@code value} as a float, refused where it is not finite or a float cannot hold it. */
    static float checkFinite(double value, String where, String shown) {
        if (!Double.isFinite(value)) {
            throw new InvalidDataException(where + " is " + shown + "; only finite numbers can be fitted");
        }
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new InvalidDataException(where + " is " + shown
                    + ", too large for the net's 32-bit floats (at most about 3.4e38)");
        }
        return f;
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** A number for a message: {@code 3}, {@code 2.5}, {@code 1.0E-9}. */
    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", (float) v == v ? Float.toString((float) v) : Double.toString(v));
    }
}
