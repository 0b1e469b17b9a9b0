package dev.djlfit.terminal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Units per second over the last few seconds of a job, from (time, units done) samples: steady
 * where a whole-seconds count jumps, and unknown (NaN) until the samples span long enough to say
 * anything, so that the first time-left estimate is not a wild one.
 */
public final class RateWindow {

    public static final long WINDOW_NANOS = 5_000_000_000L;
    public static final long MIN_SPAN_NANOS = 1_000_000_000L;

    private record Sample(long nanos, long done) {}

    private final Deque<Sample> samples = new ArrayDeque<>();

    public void add(long nanos, long done) {
        samples.addLast(new Sample(nanos, done));
        // keep one sample at or before the window's start, so the window spans all of it
        while (samples.size() > 2) {
            Iterator<Sample> oldestFirst = samples.iterator();
            oldestFirst.next();
            Sample second = oldestFirst.next();
            if (nanos - second.nanos() < WINDOW_NANOS) {
                break;
            }
            samples.removeFirst();
        }
    }

    /** Units per second over the window, or NaN while the samples span less than a second. */
    public double perSecond() {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        long span = last.nanos() - first.nanos();
        if (span < MIN_SPAN_NANOS) {
            return Double.NaN;
        }
        return (last.done() - first.done()) / (span / 1e9);
    }

    /** Units per second over the whole job, for the line that says it is done. */
    public static double overall(long done, long startNanos, long nowNanos) {
        return done / Math.max(1e-9, (nowNanos - startNanos) / 1e9);
    }

    /** Whole percent done; an empty job is done. */
    public static long percent(long done, long total) {
        return total == 0 ? 100 : 100 * done / total;
    }

    /** {@code h:mm:ss} or {@code m:ss}. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
