package dev.djlfit.bench;

import java.util.Arrays;

/**
 * One loop's timing: the median over repeats of the in-loop time per step.
 *
 * @param experiment e.g. {@code tanh-quadratic}
 * @param variant the loop's name: {@code autograd}, {@code manual}, {@code pytorch}, ...
 * @param microsPerStep each repeat's in-loop microseconds per step
 * @param steps steps per repeat
 * @param rssMegabytes peak resident memory of the process that ran the loop, this JVM so far or
 *     the Python child (-1 if unknown: the line then leaves it out)
 */
public record BenchResult(String experiment, String variant, double[] microsPerStep, int steps, double rssMegabytes) {

    public double median() {
        double[] sorted = microsPerStep.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code BENCH <experiment> <variant> us_per_step=<x> steps=<n> rss_mb=<m>}, without rss_mb where unknown. */
    public String line() {
        String line = String.format(java.util.Locale.ROOT, "BENCH %s %s us_per_step=%.1f steps=%d",
                experiment, variant, median(), steps);
        return rssMegabytes < 0 ? line : line + String.format(java.util.Locale.ROOT, " rss_mb=%.0f", rssMegabytes);
    }
}
