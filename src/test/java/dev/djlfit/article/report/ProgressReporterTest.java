package dev.djlfit.article.report;

import dev.djlfit.terminal.RateWindow;
import dev.djlfit.terminal.TerminalProgress;
import dev.djlfit.article.TrainingObserver;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReporterTest {

    private static final long MS = 1_000_000L;

    /** A clock that moves only when the test says. */
    private static final class FakeClock {
        final AtomicLong nanos = new AtomicLong(1_000 * MS);

        void advance(long millis) {
            nanos.addAndGet(millis * MS);
        }
    }

    /** Reports a run the way the training loops do: the loss after 0, 25, 50, ... updates, then finished. */
    private static void train(TrainingObserver listener, int steps, int every, FakeClock clock, long millisPerReport) {
        listener.started(steps);
        for (int step = 0; step < steps; step += every) {
            listener.progressed(step, 0.5f);
            clock.advance(millisPerReport);
        }
        listener.finished();
    }

    @Test
    void withoutATerminalPrintsOneLineAtEveryTenthOfTheRunWithTheRightCounts() {
        StringWriter err = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressReporter lines = new ProgressReporter(ProgressReporter.Mode.LINES, new PrintWriter(err),
                clock.nanos::get, () -> 80);
        // 25 steps per 100 ms: 250 steps/s
        train(lines.listener("tanh-quadratic"), 1000, 25, clock, 100);

        List<String> out = err.toString().lines().toList();
        assertEquals(10, out.size(), err.toString());
        for (int i = 0; i < 10; i++) {
            int done = 100 * (i + 1);
            assertTrue(out.get(i).startsWith("progress tanh-quadratic: " + done + "/1000 steps (" + (10 * (i + 1)) + "%)"),
                    out.get(i));
        }
        assertEquals("progress tanh-quadratic: 100/1000 steps (10%), loss 5.000e-01", out.get(0),
                "after 0.4 s there is no speed to speak of, and no time left");
        assertEquals("progress tanh-quadratic: 300/1000 steps (30%), 250 steps/s, loss 5.000e-01, about 3 s left",
                out.get(2));
        assertTrue(out.get(9).startsWith("progress tanh-quadratic: 1000/1000 steps (100%), 250 steps/s"), out.get(9));
        assertFalse(out.get(9).contains("left"), "no time left at the end: " + out.get(9));
        assertEquals(1, out.stream().filter(l -> l.contains("(100%)")).count(), "100% once");
    }

    @Test
    void theSpeedIsTheLastSecondsNotTheWholeRun() {
        RateWindow window = new RateWindow();
        // 10 s at 100 units/s, then 5 s at 1000 units/s
        long t = 0;
        long done = 0;
        for (int i = 0; i <= 100; i++) {
            window.add(t, done);
            t += 100 * MS;
            done += 10;
        }
        done -= 10;
        t -= 100 * MS;
        for (int i = 0; i < 50; i++) {
            t += 100 * MS;
            done += 100;
            window.add(t, done);
        }
        assertEquals(1000, window.perSecond(), 1e-9, "over the last 5 s only");

        RateWindow early = new RateWindow();
        early.add(0, 0);
        early.add(300 * MS, 1000);
        assertTrue(Double.isNaN(early.perSecond()), "0.3 s is too short to say");
    }

    private static TerminalProgress bar(int columns, FakeClock clock) {
        return new TerminalProgress(new PrintWriter(new StringWriter()), "deep-quadratic", 100_000, "steps",
                clock.nanos::get, columns);
    }

    /** Every number in the line, as written. */
    private static List<String> numbers(String line) {
        Matcher m = Pattern.compile("[0-9][0-9.e+\\-:/]*").matcher(line);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theBarLineFitsTheTerminalAndNeverCutsANumber() {
        for (int columns : new int[] {40, 80, 120}) {
            FakeClock clock = new FakeClock();
            TerminalProgress bar = bar(columns, clock);
            for (int step = 0; step <= 45_000; step += 1000) {
                bar.update(step, "loss 1.234e-01");
                clock.advance(130); // 7692 steps/s
            }
            String line = bar.line(false, clock.nanos.get());
            assertTrue(line.length() < columns, columns + " columns: " + line.length() + " " + line);
            assertTrue(line.contains("45% "), line);
            assertTrue(line.contains(" 45000/100000 steps"), line);
            List<String> all = numbers(line);
            List<String> whole = List.of("45", "45000/100000", "7692", "0:07", "1.234e-01");
            for (String n : all) {
                assertTrue(whole.contains(n), columns + " columns, number cut or wrong: " + n + " in " + line);
            }
            if (columns == 120) {
                assertTrue(line.contains("[=") && line.contains(", 7692 steps/s, 0:07 left, loss 1.234e-01"), line);
            }
            if (columns == 80) {
                assertTrue(line.contains(", 7692 steps/s, 0:07 left, loss 1.234e-01"),
                        "at 80 the bar goes before any number: " + line);
            }
        }
    }

    @Test
    void theFirstTimeLeftWaitsForASecondOfMeasurement() {
        FakeClock clock = new FakeClock();
        TerminalProgress bar = bar(120, clock);
        bar.update(0, "loss 3.0e+02");
        clock.advance(50);
        bar.update(100, "loss 3.0e+02");
        String early = bar.line(false, clock.nanos.get());
        assertFalse(early.contains("left") || early.contains("steps/s"), early);
    }

    @Test
    void onATerminalTheFinishedLineIsDrawnOnceAndNoEscapeCodes() {
        StringWriter err = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressReporter bars = new ProgressReporter(ProgressReporter.Mode.BAR, new PrintWriter(err),
                clock.nanos::get, () -> 100);
        train(bars.listener("tanh-quadratic"), 2000, 100, clock, 300);

        String drawn = err.toString();
        assertEquals(1, drawn.split("100%", -1).length - 1, "100% once: " + drawn);
        assertTrue(drawn.endsWith("\n"), "the finished line ends the bar");
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
        assertTrue(last.startsWith("tanh-quadratic 100% [") && last.contains("] 2000/2000 steps, 333 steps/s, took 0:06"),
                last);
        assertFalse(drawn.chars().anyMatch(c -> c == 0x1b), "no escape codes");
        assertTrue(Arrays.stream(drawn.split("\r")).allMatch(l -> l.replace("\n", "").length() < 100), "within 100 columns");
    }

    @Test
    void quietShowsNothing() {
        StringWriter err = new StringWriter();
        ProgressReporter quiet = ProgressReporter.forStderr(new PrintWriter(err), true);
        assertEquals(ProgressReporter.Mode.OFF, quiet.mode());
        assertSame(TrainingObserver.NONE, quiet.listener("x"));
        try (ProgressReporter.Shared shared = quiet.shared("sweep", 100, 2)) {
            shared.part().progressed(100, 1f);
        }
        assertEquals("", err.toString());
    }

    @Test
    void aSharedProgressAddsUpItsParts() {
        StringWriter err = new StringWriter();
        FakeClock clock = new FakeClock();
        ProgressReporter lines = new ProgressReporter(ProgressReporter.Mode.LINES, new PrintWriter(err),
                clock.nanos::get, () -> 80);
        try (ProgressReporter.Shared shared = lines.shared("sweep", 200, 2)) {
            TrainingObserver a = shared.part();
            TrainingObserver b = shared.part();
            a.progressed(50, 1f);
            b.progressed(50, 1f);
            a.progressed(99, 1f);
            a.finished();
            b.progressed(99, 1f);
            b.finished();
        }
        List<String> out = err.toString().lines().toList();
        assertTrue(out.get(0).startsWith("progress sweep: 50/200 steps (25%)"), out.get(0));
        assertTrue(out.get(1).startsWith("progress sweep: 100/200 steps (50%)"), out.get(1));
        assertEquals(1, out.stream().filter(l -> l.startsWith("progress sweep: 200/200 steps (100%)")
                && l.contains("2/2 done")).count(), err.toString());
    }
}
