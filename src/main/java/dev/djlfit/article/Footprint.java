package dev.djlfit.article;

import dev.djlfit.io.MemoryBudget;
import java.util.List;
import java.util.Locale;

/**
 * The one place where sizes are estimated: how much memory training or evaluating nets will take,
 * worked out before anything is allocated, so that a run that cannot fit stops at once with one
 * line instead of an allocator's message or an OutOfMemoryError after minutes. The estimates are
 * generous upper bounds (values, gradients, optimiser state, every layer's activations and their
 * gradients); only a run that surely cannot fit is refused.
 *
 * @param heapBytes Java heap the run holds at its peak
 * @param nativeBytes libtorch memory (outside the Java heap)
 * @param largestArray elements of the largest single array (Java arrays hold at most about 2^31)
 */
public record Footprint(double heapBytes, double nativeBytes, double largestArray) {

    private static final int FLOAT = 4;
    private static final double MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Points on each net's curve and its probes, kept per net for the report (sweep). */
    private static final int KEPT_PER_NET = 241 * FLOAT + 512;

    /**
     * Java heap each data point costs a single run: x and y, their scaled copies, the copies handed
     * to and read back from libtorch, and the fit plot's predictions.
     */
    private static final int HEAP_PER_POINT = 64;

    /** One net trained on {@code points} points (train, walkthrough, compare). */
    public static Footprint training(Architecture net, long points) {
        Footprint one = batch(net, 1, points);
        return new Footprint(one.heapBytes + (double) HEAP_PER_POINT * points, one.nativeBytes, one.largestArray);
    }

    /** {@code nets} nets of one architecture trained as one batch. */
    public static Footprint batch(Architecture net, long nets, long points) {
        double parameters = parameters(net);
        double activations = (double) points * sumOfWidths(net);
        double nativeBytes = FLOAT * nets * (4 * parameters + 4 * activations);
        // initial values drawn per net, stacked into one array, and the results read back
        double heap = FLOAT * nets * 3 * parameters + nets * (double) KEPT_PER_NET;
        return new Footprint(heap, nativeBytes, Math.max(nets * largestLayer(net), (double) nets * points));
    }

    /** A saved net evaluated at {@code points} inputs (predict). */
    public static Footprint prediction(Architecture net, long points) {
        double activations = (double) points * sumOfWidths(net);
        return new Footprint(FLOAT * (3.0 * points + parameters(net)), FLOAT * (2 * activations + parameters(net)),
                Math.max(largestLayer(net), points));
    }

    /**
     * A sweep: each configuration one batch of {@code seeds} nets, {@code atOnce} of them at a
     * time. The batch is then evaluated at once at every point of the extrapolation report
     * ({@code evaluated}: its probes and two grids of 701), which for wide nets takes far more than
     * training on a few points (measured: 8 nets of width 100,000 peak at 19 GB, docs/performance.md).
     */
    public static Footprint sweep(List<Architecture> configurations, int seeds, long points, long evaluated,
            int atOnce) {
        double heap = 0;
        double nativeBytes = 0;
        double largest = 0;
        double largestHeap = 0;
        for (Architecture net : configurations) {
            Footprint one = batch(net, seeds, Math.max(points, evaluated));
            largestHeap = Math.max(largestHeap, one.heapBytes);
            nativeBytes = Math.max(nativeBytes, one.nativeBytes);
            largest = Math.max(largest, one.largestArray);
            heap += (double) seeds * KEPT_PER_NET;
        }
        return new Footprint(heap + atOnce * largestHeap, atOnce * nativeBytes, largest);
    }

    /**
     * @param what the run, for the message, e.g. {@code sweep with --seeds 2000000}
     * @throws IllegalArgumentException where it surely does not fit
     */
    public void require(String what) {
        if (largestArray > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " needs arrays of " + String.format(Locale.ROOT, "%.3g", largestArray)
                    + " numbers, more than Java holds in one (about 2.1e9); make it smaller");
        }
        long heap = availableHeap();
        if (heapBytes > heap) {
            throw new IllegalArgumentException(what + " needs about " + size(heapBytes) + " of Java heap; this JVM has "
                    + size(heap) + " free (raise it with -Xmx, or make the run smaller)");
        }
        long memory = availableMemory();
        if (nativeBytes > memory) {
            throw new IllegalArgumentException(what + " needs about " + size(nativeBytes) + " of memory for its tensors;"
                    + " this machine (or its container's memory limit) leaves " + size(memory) + "; make the run smaller");
        }
    }

    private static double parameters(Architecture net) {
        double sum = 0;
        for (int layer = 0; layer < net.layerCount(); layer++) {
            sum += (double) net.outFeatures(layer) * net.inFeatures(layer) + net.outFeatures(layer);
        }
        return sum;
    }

    private static double largestLayer(Architecture net) {
        double largest = 0;
        for (int layer = 0; layer < net.layerCount(); layer++) {
            largest = Math.max(largest, (double) net.outFeatures(layer) * net.inFeatures(layer));
        }
        return largest;
    }

    private static double sumOfWidths(Architecture net) {
        double sum = 0;
        for (int w : net.widths()) {
            sum += w;
        }
        return sum;
    }

    static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /** What the machine, this process's memory cgroup (a container's limit) and the JVM leave (MemoryBudget). */
    static long availableMemory() {
        return MemoryBudget.system().available();
    }

    private static String size(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / 1e6));
    }
}
