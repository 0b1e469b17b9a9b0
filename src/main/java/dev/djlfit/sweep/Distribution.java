package dev.djlfit.sweep;

import java.util.Arrays;

/**
 * A summary of some numbers: median, 5th and 95th percentile (linear interpolation between the
 * closest ranks, as numpy's default), min and max. All NaN when there are no numbers.
 */
public record Distribution(int count, double median, double p5, double p95, double min, double max) {

    public static Distribution of(double[] values) {
        if (values.length == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Distribution(sorted.length, percentile(sorted, 50), percentile(sorted, 5),
                percentile(sorted, 95), sorted[0], sorted[sorted.length - 1]);
    }

    /** @param sorted ascending, not empty */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
