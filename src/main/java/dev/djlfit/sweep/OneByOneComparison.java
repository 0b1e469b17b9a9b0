package dev.djlfit.sweep;

import java.util.Arrays;

/**
 * The same sweep trained twice, batched and one net after another, side by side in one run.
 *
 * @param batched the batched sweep
 * @param oneByOne the same nets, each through the article's loop alone
 */
public record OneByOneComparison(SweepResult batched, SweepResult oneByOne) {

    /** Nets trained in each run. */
    public int nets() {
        return batched.configurations().stream().mapToInt(c -> c.seeds().size()).sum();
    }

    /** How many times faster the batched sweep's wall time is. */
    public double wallSpeedup() {
        return (double) oneByOne.wallNanos() / batched.wallNanos();
    }

    /** How many times faster training is batched, training time summed over configurations. */
    public double trainSpeedup() {
        return (double) oneByOne.trainNanos() / batched.trainNanos();
    }

    public double netStepsPerSecond(SweepResult result) {
        return (double) nets() * result.config().steps() / (result.trainNanos() / 1e9);
    }

    /** Average training time of one net alone. */
    public double secondsPerNetAlone() {
        return oneByOne.trainNanos() / 1e9 / nets();
    }

    /** Average training time of one configuration's whole batch. */
    public double secondsPerBatch() {
        return batched.trainNanos() / 1e9 / batched.configurations().size();
    }

    /** Per net, the largest |difference| between its two learned curves; sorted ascending. */
    public double[] curveDifferences() {
        double[] diffs = new double[nets()];
        int n = 0;
        for (int c = 0; c < batched.configurations().size(); c++) {
            var a = batched.configurations().get(c).seeds();
            var b = oneByOne.configurations().get(c).seeds();
            for (int s = 0; s < a.size(); s++) {
                float[] ya = a.get(s).curve();
                float[] yb = b.get(s).curve();
                double worst = 0;
                for (int i = 0; i < ya.length; i++) {
                    double d = Math.abs((double) ya[i] - yb[i]);
                    worst = Double.isNaN(d) ? (Float.isNaN(ya[i]) && Float.isNaN(yb[i]) ? worst : Double.POSITIVE_INFINITY)
                            : Math.max(worst, d);
                }
                diffs[n++] = worst;
            }
        }
        Arrays.sort(diffs);
        return diffs;
    }

    /** Nets that fit in one run and not in the other. */
    public int fitDisagreements() {
        int count = 0;
        for (int c = 0; c < batched.configurations().size(); c++) {
            var a = batched.configurations().get(c).seeds();
            var b = oneByOne.configurations().get(c).seeds();
            for (int s = 0; s < a.size(); s++) {
                if (a.get(s).fitted() != b.get(s).fitted()) {
                    count++;
                }
            }
        }
        return count;
    }
}
