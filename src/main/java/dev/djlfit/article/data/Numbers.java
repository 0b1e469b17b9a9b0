package dev.djlfit.article.data;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reads one number as a person writes it, strictly: no Java suffixes, no hex, no silent NaN. */
public final class Numbers {

    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private Numbers() {}

    /** Whether {@code text} is a decimal number (finite or not). */
    static boolean isNumber(String text) {
        String t = text.strip();
        return decimal(t) || NOT_FINITE.matcher(t).matches();
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
        if (!decimal(t)) {
            if (NOT_FINITE.matcher(t).matches()) {
                throw new InvalidDataException(where + " is " + t + "; only finite numbers can be fitted");
            }
            throw new InvalidDataException(where + " is not a number: '" + abbreviate(t) + "'");
        }
        double value = Double.parseDouble(t);
        if (!Double.isFinite(value)) {
            throw new InvalidDataException(where + " is " + t + "; only finite numbers can be fitted");
        }
        return value;
    }

    /**
     * A plain decimal such as {@code -1.5e3}: digits with an optional sign, point and exponent.
     * Java's own extras ({@code 1f}, {@code 0x1p3}, {@code NaN}) are not numbers in a data file or an option.
     * Written out by hand: it runs for every cell of a file of millions of rows.
     */
    public static boolean decimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** A whole number as options and data write it: an optional sign and the digits 0-9, nothing else. */
    public static boolean wholeNumber(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        for (; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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
