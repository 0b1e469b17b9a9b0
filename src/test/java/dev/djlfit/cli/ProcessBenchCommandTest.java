package dev.djlfit.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --process}: whole {@code train} processes at two step counts and at one step. */
class ProcessBenchCommandTest {

    @Test
    void reportsPerStepFromTwoStepCountsAndStartupAlone() {
        CliRun run = CliRun.of("bench", "--experiments", "linear-linear", "--variants", "autograd", "--steps", "50",
                "--warmup", "0", "--repeats", "1", "--no-python", "--process", "--process-steps", "2,40");
        assertEquals(0, run.exitCode(), run.err());
        List<String> process = run.out().lines().filter(l -> l.startsWith("PROCESS ")).toList();
        assertEquals(1, process.size(), run.out());
        assertTrue(process.get(0).matches(
                "PROCESS linear-linear java us_per_step=-?\\d+\\.\\d \\(steps 2 to 40\\) whole_s=\\d+\\.\\d\\d \\(40 steps\\)"),
                process.get(0));
        List<String> startup = run.out().lines().filter(l -> l.startsWith("STARTUP ")).toList();
        assertEquals(1, startup.size(), run.out());
        double seconds = Double.parseDouble(startup.get(0).replaceAll("STARTUP linear-linear java whole_s=(\\S+) \\(1 step\\)", "$1"));
        assertTrue(seconds > 0.05, "a JVM that loads libtorch and trains a step takes time: " + startup.get(0));
        assertFalse(run.out().contains("RATIO linear-linear process"), "no ratio without PyTorch: " + run.out());
    }

    @Test
    void stepCountsThatDoNotRiseAreOneLineAndExitTwo() {
        CliRun run = CliRun.of("bench", "--process", "--process-steps", "50,10", "--no-python");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--process-steps takes two rising step counts"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("dev.djlfit"), run.err());
    }
}
