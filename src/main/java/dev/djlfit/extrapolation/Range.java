package dev.djlfit.extrapolation;

/**
 * An interval of x, sampled on a regular grid for RMSE.
 *
 * @param from lower end
 * @param to upper end
 * @param includeFrom whether {@code from} itself is sampled (the extrapolation range 3 &lt; x ≤ 10
 *     starts just above the data)
 */
public record Range(double from, double to, boolean includeFrom) {

    public static final int GRID_POINTS = 701;

    public Range {
        if (!(to > from)) {
            throw new IllegalArgumentException("empty range: " + from + " .. " + to);
        }
    }

    /** {@code points} evenly spaced values from {@code from} (or just after it) to {@code to}. */
    public float[] grid(int points) {
        float[] xs = new float[points];
        for (int i = 0; i < points; i++) {
            double t = includeFrom ? (double) i / (points - 1) : (double) (i + 1) / points;
            xs[i] = (float) (from + t * (to - from));
        }
        return xs;
    }

    public String describe() {
        return fmt(from) + (includeFrom ? " ≤ x ≤ " : " < x ≤ ") + fmt(to);
    }

    /** As {@link #describe()}, in ASCII: {@code 3 < x <= 10}. */
    public String describeAscii() {
        return describe().replace("≤", "<=");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
