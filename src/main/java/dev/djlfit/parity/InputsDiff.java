package dev.djlfit.parity;

import dev.djlfit.program.Trace;

/**
 * How two runs' inputs differ, point by point, in float32 ulps.
 *
 * @param points how many points each side has (-1 if the counts differ)
 * @param xDiffering at how many points x differs
 * @param xMaxUlps by how many ulps at most
 * @param yDiffering the same for y
 * @param yMaxUlps the same for y
 * @param xMaxAbs the largest |difference| of x (ulps near 0 are tiny: 8 of them can be 1e-44 apart)
 * @param yMaxAbs the same for y
 */
public record InputsDiff(int points, int xDiffering, long xMaxUlps, int yDiffering, long yMaxUlps, double xMaxAbs,
        double yMaxAbs) {

    public static InputsDiff of(Trace.Inputs java, Trace.Inputs pytorch) {
        if (java.size() != pytorch.size()) {
            return new InputsDiff(-1, -1, Long.MAX_VALUE, -1, Long.MAX_VALUE, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
        float[] jx = java.x();
        float[] px = pytorch.x();
        float[] jy = java.y();
        float[] py = pytorch.y();
        int xCount = 0;
        int yCount = 0;
        long xMax = 0;
        long yMax = 0;
        double xAbs = 0;
        double yAbs = 0;
        for (int i = 0; i < jx.length; i++) {
            long dx = ulps(jx[i], px[i]);
            long dy = ulps(jy[i], py[i]);
            xCount += dx > 0 ? 1 : 0;
            yCount += dy > 0 ? 1 : 0;
            xMax = Math.max(xMax, dx);
            yMax = Math.max(yMax, dy);
            xAbs = Math.max(xAbs, Math.abs((double) jx[i] - px[i]));
            yAbs = Math.max(yAbs, Math.abs((double) jy[i] - py[i]));
        }
        return new InputsDiff(jx.length, xCount, xMax, yCount, yMax, xAbs, yAbs);
    }

    public boolean identical() {
        return points >= 0 && xDiffering == 0 && yDiffering == 0;
    }

    /** How many float32 values lie between a and b, plus one (0 if equal; −0 and 0 are equal). */
    static long ulps(float a, float b) {
        if (a == b) {
            return 0;
        }
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    /** The float's position on the number line, as an integer: adjacent floats differ by 1. */
    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? -(long) (bits & 0x7fffffff) : bits;
    }
}
