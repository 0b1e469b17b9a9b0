package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code bench --tutorial NAME}: the line per loop, and an unknown name refused in one line. */
class TutorialBenchCommandTest {

    @Test
    void timesThePortsLoop() {
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-nn", "--steps", "200", "--repeats", "1", "--no-python");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("BENCH polynomial-nn java us_per_step=\\d+\\.\\d steps=200 .*")),
                run.out());
    }

    @Test
    void unknownTutorialIsOneLine() {
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-numpy", "--no-python");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("unknown tutorial 'polynomial-numpy'"), run.err());
    }

    @Test
    void aReferenceThatWritesNoTraceIsOneLine(@TempDir Path folder) throws Exception {
        Path python = TutorialCompareCommandTest.fakePython(folder, "silent", "exit 0");
        CliRun run = CliRun.of("bench", "--tutorial", "polynomial-tensor", "--steps", "5", "--repeats", "1",
                "--python", python.toString());
        TutorialCompareCommandTest.assertOneLineAboutTheReference(run, "wrote no trace");
    }
}
