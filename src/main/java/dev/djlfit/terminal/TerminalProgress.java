package dev.djlfit.terminal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line redrawn in place on a terminal's stderr (a carriage return, no escape codes):
 * task, percentage, a bar, steps done of the total, steps/s over the last seconds, time left and
 * the detail (the loss), e.g.
 * {@code tanh-quadratic  45% [=====>      ] 45000/100000 steps, 7702 steps/s, 0:07 left, loss 1.234e-01}.
 * It never runs past the terminal's width: the bar goes first, then the time left, the speed and
 * the detail, then the task's name is shortened; numbers are never cut. Redrawn at most five times a second, and once more, whole,
 * when the job closes.
 */
public final class TerminalProgress implements ProgressDisplay {

    public static final long REDRAW_NANOS = 200_000_000L;
    public static final int MIN_BAR = 10;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final String unit;
    private final LongSupplier clock;
    private final int columns;
    private final long start;
    private final RateWindow rate = new RateWindow();
    private long done;
    private String detail = "";
    private long lastDraw = Long.MIN_VALUE;
    private int drawnLength;
    private boolean closed;

    public TerminalProgress(PrintWriter err, String task, long total, String unit, LongSupplier clock, int columns) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.clock = clock;
        this.columns = columns;
        this.start = clock.getAsLong();
        rate.add(start, 0);
    }

    @Override
    public synchronized void update(long done, String detail) {
        long now = clock.getAsLong();
        this.done = done;
        this.detail = detail;
        rate.add(now, done);
        // the finished line is drawn once, by close()
        if (done < total && (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS)) {
            draw(line(false, now));
            lastDraw = now;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        draw(line(true, clock.getAsLong()));
        err.println();
        err.flush();
    }

    private void draw(String line) {
        StringBuilder out = new StringBuilder("\r").append(line);
        out.append(" ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        err.print(out);
        err.flush();
    }

    /** The line as it fits in the terminal's width, less one column (a full last column wraps on some). */
    public String line(boolean finished, long now) {
        int width = Math.max(1, columns - 1);
        String head = String.format(Locale.ROOT, "%s %3d%%", task, RateWindow.percent(done, total));
        List<String> parts = new ArrayList<>();
        parts.add(done + "/" + total + " " + unit);
        double perSecond = finished ? RateWindow.overall(done, start, now) : rate.perSecond();
        String speed = Double.isNaN(perSecond) ? null : String.format(Locale.ROOT, "%.0f %s/s", perSecond, unit);
        String time = finished
                ? "took " + RateWindow.clock((now - start) / 1e9)
                : Double.isNaN(perSecond) || perSecond <= 0 ? null
                : RateWindow.clock((total - done) / perSecond) + " left";
        String note = detail.isEmpty() ? null : detail;
        String[] extras = {speed, time, note};
        int[] givenUpInOrder = {1, 0, 2}; // time left first, then the speed, then the detail
        for (int dropped = 0; ; dropped++) {
            if (dropped > 0) {
                extras[givenUpInOrder[dropped - 1]] = null;
            }
            List<String> shown = new ArrayList<>(parts);
            for (String extra : extras) {
                if (extra != null) {
                    shown.add(extra);
                }
            }
            String tail = String.join(", ", shown);
            int room = width - head.length() - tail.length() - 4; // spaces and brackets around the bar
            if (dropped == 0 && room >= MIN_BAR) {
                return head + " " + bar(Math.min(room, 40)) + " " + tail;
            }
            if (head.length() + 1 + tail.length() <= width) {
                return head + " " + tail;
            }
            if (dropped == givenUpInOrder.length) {
                // even the counts do not fit: shorten the task's name, never a number
                String numbers = String.format(Locale.ROOT, "%3d%% ", RateWindow.percent(done, total)) + tail;
                int nameRoom = width - numbers.length() - 1;
                return nameRoom > 0 ? task.substring(0, Math.min(task.length(), nameRoom)) + " " + numbers : numbers;
            }
        }
    }

    private String bar(int width) {
        int filled = total == 0 ? width : (int) (width * Math.min(done, total) / total);
        StringBuilder bar = new StringBuilder("[");
        bar.append("=".repeat(filled));
        if (filled < width) {
            bar.append('>').append(" ".repeat(width - filled - 1));
        }
        return bar.append(']').toString();
    }
}
