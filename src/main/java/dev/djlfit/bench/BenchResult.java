package dev.djlfit.bench;

import java.util.Arrays;

/**
 * One loop's timing: the median over repeats of the in-loop time per step.
 *
 * @param experiment e.g. {@code tanh-quadratic}
 * @param variant the loop's name: {@code autograd}, {@code manual}, {@code pytorch}, ...
 * @param microsPerStep each repeat's in-loop microseconds per step
 * @param steps steps per repeat
 * @param rssMegabytes resident memory after the runs (-1 if unknown)
 */
public record BenchResult(String experiment, String variant, double[] microsPerStep, int steps, double rssMegabytes) {

    public double median() {
        double[] sorted = microsPerStep.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code BENCH <experiment> <variant> us_per_step=<x> steps=<n> rss_mb=<m>}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "BENCH %s %s us_per_step=%.1f steps=%d rss_mb=%.0f",
                experiment, variant, median(), steps, rssMegabytes);
    }
}
