package dev.djlfit.terminal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * ProgressDisplay for a log or a pipe, where a redrawn bar would be noise: one plain line at every tenth
 * of the job, the last at 100% once, e.g. {@code progress tanh-quadratic: 30000/100000 steps
 * (30%), 7702 steps/s, loss 1.234e-01, about 9 s left}. Speed and time left come from the last
 * seconds ({@link RateWindow}), and are left out until there is enough to measure.
 */
public final class LineProgress implements ProgressDisplay {

    public static final int LINES_PER_JOB = 10;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final String unit;
    private final long every;
    private final LongSupplier clock;
    private final long start;
    private final RateWindow rate = new RateWindow();
    private long next;
    private boolean printedTotal;

    public LineProgress(PrintWriter err, String task, long total, String unit, LongSupplier clock) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.clock = clock;
        this.every = Math.max(1, (total + LINES_PER_JOB - 1) / LINES_PER_JOB);
        this.next = every;
        this.start = clock.getAsLong();
        rate.add(start, 0);
    }

    @Override
    public synchronized void update(long done, String detail) {
        long now = clock.getAsLong();
        rate.add(now, done);
        if (printedTotal || (done < next && done < total)) {
            return;
        }
        while (next <= done) {
            next += every;
        }
        printedTotal = done >= total;
        double perSecond = printedTotal ? RateWindow.overall(done, start, now) : rate.perSecond();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "progress %s: %d/%d %s (%d%%)", task, done, total, unit, RateWindow.percent(done, total)));
        if (!Double.isNaN(perSecond)) {
            line.append(String.format(Locale.ROOT, ", %.0f %s/s", perSecond, unit));
        }
        if (!detail.isEmpty()) {
            line.append(", ").append(detail);
        }
        if (!printedTotal && perSecond > 0) {
            line.append(String.format(Locale.ROOT, ", about %.0f s left", (total - done) / perSecond));
        }
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {}
}
