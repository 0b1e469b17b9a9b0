package dev.djlfit.report;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for a log or a pipe, where a redrawn bar would be noise: one plain line at every tenth
 * of the job, e.g. {@code progress tanh-quadratic: 30000/100000 steps (30%), 7702 steps/s, loss
 * 1.234e-01, about 9 s left}.
 */
final class LineProgress implements Progress {

    static final int LINES_PER_JOB = 10;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final String unit;
    private final long every;
    private final long start = System.nanoTime();
    private long next;

    LineProgress(PrintWriter err, String task, long total, String unit) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.every = Math.max(1, (total + LINES_PER_JOB - 1) / LINES_PER_JOB);
        this.next = every;
    }

    @Override
    public synchronized void update(long done, String detail) {
        if (done < next && done < total) {
            return;
        }
        while (next <= done) {
            next += every;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "progress %s: %d/%d %s (%d%%), %.0f %s/s", task, done, total, unit, 100 * done / total, rate, unit));
        if (!detail.isEmpty()) {
            line.append(", ").append(detail);
        }
        if (done < total && rate > 0) {
            line.append(String.format(Locale.ROOT, ", about %.0f s left", (total - done) / rate));
        }
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {}
}
