package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code bench --tutorial NAME}: the line per loop, and an unknown name refused in one line. */
class TutorialBenchCommandTest {

    @Tag("slow")
    @Test
    void timesThePortsLoop() {
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-nn", "--steps", "200", "--repeats", "1", "--no-python");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("BENCH polynomial-nn java us_per_step=\\d+\\.\\d steps=200 rss_mb=\\d+")),
                run.out());
        assertFalse(run.out().contains("RATIO") || run.out().contains("pytorch us_per_step"), run.out());
    }

    @Tag("external")
    @Test
    void bothRowsReportTheirPeakMemory() {
        PyTorchForTests.reference();
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-tensor", "--steps", "300", "--repeats", "1");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        for (String side : new String[] {"java", "pytorch"}) {
            String line = run.out().lines().filter(l -> l.startsWith("BENCH polynomial-tensor " + side + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(run.out()));
            assertTrue(line.matches("BENCH polynomial-tensor " + side + " us_per_step=\\d+\\.\\d steps=300 rss_mb=\\d+"),
                    line);
            assertTrue(Integer.parseInt(line.substring(line.indexOf("rss_mb=") + 7)) > 10, line);
        }
        assertTrue(run.out().contains("RATIO: Java time / PyTorch time for the same steps (lower is better)"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("RATIO polynomial-tensor java/pytorch time=\\d+\\.\\d\\d")),
                run.out());
        assertTrue(run.out().contains("in-loop time per step, 1 run after a 30000-step warm-up"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("polynomial-tensor +300 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d\\d")),
                "the table's row: " + run.out());
    }

    @Test
    void unknownTutorialIsOneLine() {
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-numpy", "--no-python");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("unknown tutorial 'polynomial-numpy'"), run.err());
    }

    @Tag("external")
    @Test
    void aReferenceThatWritesNoTraceIsOneLine(@TempDir Path folder) throws Exception {
        Path python = TutorialCompareCommandTest.fakePython(folder, "silent", "exit 0");
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-tensor", "--steps", "5", "--repeats", "1",
                "--python", python.toString());
        TutorialCompareCommandTest.assertOneLineAboutTheReference(run, "wrote no trace");
    }
}
