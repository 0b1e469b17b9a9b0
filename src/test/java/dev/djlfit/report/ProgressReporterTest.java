package dev.djlfit.report;

import dev.djlfit.training.TrainingListener;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReporterTest {

    @Test
    void withoutATerminalPrintsOneLineAtEveryTenthOfTheRun() {
        StringWriter err = new StringWriter();
        TrainingListener listener = new ProgressReporter(ProgressReporter.Mode.LINES, new PrintWriter(err))
                .listener("tanh-quadratic");
        listener.started(1000);
        for (int step = 0; step < 1000; step += 25) {
            listener.progressed(step + 1, 0.5f);
        }
        listener.progressed(1000, 0.25f);
        listener.finished();

        List<String> lines = err.toString().lines().toList();
        assertEquals(10, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("progress tanh-quadratic: 101/1000 steps (10%), "), lines.get(0));
        assertTrue(lines.get(0).contains("steps/s, loss 5.000e-01, about "), lines.get(0));
        assertTrue(lines.get(9).startsWith("progress tanh-quadratic: 1000/1000 steps (100%)"), lines.get(9));
        assertTrue(lines.get(9).endsWith("loss 2.500e-01"), "no time left at the end: " + lines.get(9));
    }

    @Test
    void quietShowsNothing() {
        StringWriter err = new StringWriter();
        ProgressReporter quiet = ProgressReporter.forStderr(new PrintWriter(err), true);
        assertEquals(ProgressReporter.Mode.OFF, quiet.mode());
        assertSame(TrainingListener.NONE, quiet.listener("x"));
        try (ProgressReporter.Shared shared = quiet.shared("sweep", 100, 2)) {
            shared.part().progressed(100, 1f);
        }
        assertEquals("", err.toString());
    }

    @Test
    void aSharedProgressAddsUpItsParts() {
        StringWriter err = new StringWriter();
        ProgressReporter lines = new ProgressReporter(ProgressReporter.Mode.LINES, new PrintWriter(err));
        try (ProgressReporter.Shared shared = lines.shared("sweep", 200, 2)) {
            TrainingListener a = shared.part();
            TrainingListener b = shared.part();
            a.progressed(50, 1f);
            b.progressed(50, 1f);
            a.progressed(100, 1f);
            a.finished();
            b.progressed(100, 1f);
            b.finished();
        }
        List<String> out = err.toString().lines().toList();
        assertTrue(out.get(0).startsWith("progress sweep: 50/200 steps (25%)"), out.get(0));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("progress sweep: 200/200 steps (100%)")
                && l.contains("2/2 done")), err.toString());
    }
}
