package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * float32 values against PyTorch's, counted in units in the last place: the distance between
 * two floats is how many float32 values lie between them (0 for bit-equal, 1 for neighbours), so
 * a tolerance means the same near 1e-30 as near 100.
 */
final class Float32Parity {

    private Float32Parity() {}

    /** How many float32 steps apart {@code a} and {@code b} are (+0 and −0 are 0 apart). */
    static long ulps(float a, float b) {
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(float f) {
        int bits = Float.floatToIntBits(f);
        return bits < 0 ? -(long) (bits & 0x7fffffff) : bits;
    }

    /** The largest distance over the arrays, which must have the same length. */
    static long maxUlps(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        long worst = 0;
        for (int i = 0; i < actual.length; i++) {
            float e = (float) expected[i];
            if (e != expected[i]) {
                fail(what + ": PyTorch's value " + expected[i] + " is not a float32");
            }
            if (Float.isNaN(e) || Float.isNaN(actual[i])) {
                if (Float.isNaN(e) != Float.isNaN(actual[i])) {
                    fail(what + "[" + i + "]: PyTorch " + e + ", kit " + actual[i]);
                }
                continue;
            }
            worst = Math.max(worst, ulps(e, actual[i]));
        }
        return worst;
    }

    /** Fails unless every value is within {@code tolerance} ulps of PyTorch's. */
    static void assertWithinUlps(double[] expected, float[] actual, long tolerance, String what) {
        assertWithinUlps(expected, actual, tolerance, new double[expected.length], what);
    }

    /**
     * Fails unless every value is within {@code tolerance} ulps of PyTorch's, or within
     * {@code tolerance} ulps of the interval {@code spread[i]} wide around it.
     */
    static void assertWithinUlps(double[] expected, float[] actual, long tolerance, double[] spread, String what) {
        maxUlps(expected, actual, what);
        assertEquals(expected.length, spread.length, what + ": number of spreads");
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < actual.length; i++) {
            float e = (float) expected[i];
            if (Float.isNaN(e) || ulps(e, actual[i]) <= tolerance) {
                continue;
            }
            double distance = Math.abs((double) actual[i] - e);
            if (distance > spread[i] + tolerance * (double) Math.ulp(Math.max(Math.abs(e), Math.abs(actual[i])))) {
                detail.append(String.format(" [%d] PyTorch %s kit %s (%d ulps, spread %s);", i, e, actual[i],
                        ulps(e, actual[i]), spread[i]));
            }
        }
        if (detail.length() > 0) {
            fail(what + ": beyond " + tolerance + " ulps:" + detail);
        }
    }
}
