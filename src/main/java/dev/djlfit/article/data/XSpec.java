package dev.djlfit.article.data;

import java.util.regex.Pattern;

/**
 * Where to sample: a list such as {@code 0,1,2,3} or a range {@code FROM:TO:STEP} such as
 * {@code 0:3:1} (both ends included where the steps land on them; {@code FROM:TO} steps by 1).
 */
public final class XSpec {

    /** More points than this is surely a typo in the step, not a wish. */
    public static final int MAX_POINTS = 10_000_000;

    private XSpec() {}

    /**
     * @param option the option the text came from, for messages, e.g. {@code --x}
     */
    public static float[] parse(String option, String text) {
        String t = text.strip();
        String where = option + " '" + Numbers.abbreviate(t) + "'";
        if (t.length() >= 2 && t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).strip(); // [2.5, 10], as Python would write it
        }
        if (t.isEmpty()) {
            throw new InvalidDataException(option + " is empty; give a list such as 0,1,2,3 or a range such as 0:3:1");
        }
        if (t.contains(":")) {
            return range(t, where);
        }
        String[] cells = t.split(",", -1);
        float[] xs = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            xs[i] = Numbers.parseFinite(cells[i], where + ", value " + (i + 1));
        }
        return xs;
    }

    private static float[] range(String t, String where) {
        String[] parts = t.split(Pattern.quote(":"), -1);
        if (parts.length != 2 && parts.length != 3) {
            throw new InvalidDataException(where + ": a range is FROM:TO or FROM:TO:STEP, e.g. 0:3:1");
        }
        // the ends as floats, like every x the net sees: 1e39 is refused here, not turned into Infinity
        double from = Numbers.parseFinite(parts[0], where + ", FROM");
        double to = Numbers.parseFinite(parts[1], where + ", TO");
        double step = parts.length == 3 ? Numbers.parseFiniteDouble(parts[2], where + ", STEP") : 1;
        if (step == 0) {
            throw new InvalidDataException(where + ": STEP must not be 0");
        }
        if ((to - from) * step < 0) {
            throw new InvalidDataException(where + ": STEP " + Numbers.show(step) + " never reaches "
                    + Numbers.show(to) + " from " + Numbers.show(from));
        }
        // A tolerance so that 0:1:0.1 includes 1 despite 0.1's binary rounding.
        double count = Math.floor((to - from) / step + 1e-6) + 1;
        if (count > MAX_POINTS) {
            throw new InvalidDataException(where + " gives " + (long) count + " points, more than "
                    + MAX_POINTS + "; use a larger STEP");
        }
        float[] xs = new float[(int) count];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) (from + i * step);
        }
        return xs;
    }

    /**
     * An interval {@code FROM:TO} with FROM &lt; TO, e.g. {@code 3:10}.
     *
     * @return {from, to}
     */
    public static double[] interval(String option, String text) {
        String t = text.strip();
        String where = option + " '" + Numbers.abbreviate(t) + "'";
        String[] parts = t.split(Pattern.quote(":"), -1);
        if (parts.length != 2) {
            throw new InvalidDataException(where + ": give an interval FROM:TO, e.g. 3:10");
        }
        double from = Numbers.parseFinite(parts[0], where + ", FROM");
        double to = Numbers.parseFinite(parts[1], where + ", TO");
        if (!(to > from)) {
            throw new InvalidDataException(where + ": TO must be greater than FROM");
        }
        return new double[] {from, to};
    }
}
