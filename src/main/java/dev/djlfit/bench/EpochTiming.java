package dev.djlfit.bench;

import java.util.Locale;

/**
 * One training epoch's wall time, its parts where the loop times them, and the memory after it.
 *
 * @param loop who trained: {@code kit}, {@code djl-trainer}, {@code pytorch}
 * @param epoch counted from 1
 * @param batches the batches trained
 * @param seconds the whole epoch, from the first batch drawn to the last update
 * @param parts seconds in drawing batches (data), model and loss (forward), backward and
 *     optimizer step with zero_grad (update); null where the loop does not time them apart
 * @param rssMegabytes resident memory of the process after the epoch (-1 if unknown)
 * @param heapMegabytes Java heap in use after the epoch, after a collection (-1 for another process)
 */
public record EpochTiming(String loop, int epoch, int batches, double seconds, Parts parts, double rssMegabytes,
        double heapMegabytes) {

    /** Seconds per part of an epoch. */
    public record Parts(double data, double forward, double backward, double update) {

        public double sum() {
            return data + forward + backward + update;
        }
    }

    /** {@code EPOCH <n> <loop> s=<x> [data=.. forward=.. backward=.. update=.. other=..] rss_mb=.. heap_mb=..}. */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "EPOCH %d %s s=%.2f batches=%d",
                epoch, loop, seconds, batches));
        if (parts != null) {
            line.append(String.format(Locale.ROOT, " data=%.2f forward=%.2f backward=%.2f update=%.2f other=%.2f",
                    parts.data(), parts.forward(), parts.backward(), parts.update(), seconds - parts.sum()));
        }
        if (rssMegabytes >= 0) {
            line.append(String.format(Locale.ROOT, " rss_mb=%.0f", rssMegabytes));
        }
        if (heapMegabytes >= 0) {
            line.append(String.format(Locale.ROOT, " heap_mb=%.0f", heapMegabytes));
        }
        return line.toString();
    }

    /** Java heap in use now, after asking for a collection (outside every timed part). */
    static double heapMegabytesAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }
}
