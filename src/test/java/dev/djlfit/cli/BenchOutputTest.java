package dev.djlfit.cli;

import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code bench} prints beside the times: memory of both sides, ratios in one direction, no goals. */
@Tag("external")
class BenchOutputTest {

    @Test
    void pytorchRowsHaveTheirMemoryAndEveryRatioIsJavaTimeOverPyTorchTime() {
        String python = PyTorchForTests.reference().python().toString();
        CliRun run = CliRun.of("bench", "--experiments", "linear-linear", "--variants", "autograd", "--steps", "300",
                "--warmup", "0", "--repeats", "1", "--python", python);
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        String pytorch = out.lines().filter(l -> l.startsWith("BENCH linear-linear pytorch ")).findFirst().orElseThrow();
        int rss = Integer.parseInt(pytorch.replaceAll(".* rss_mb=(\\d+)$", "$1"));
        assertTrue(rss > 20, "the Python child's peak memory, measured: " + pytorch);
        assertTrue(out.contains("RATIO: Java time / PyTorch time for the same steps (lower is better)"), out);
        List<String> ratios = out.lines().filter(l -> l.startsWith("RATIO linear-linear")).toList();
        assertEquals(1, ratios.size(), out);
        assertTrue(ratios.get(0).matches("RATIO linear-linear autograd/pytorch time=\\d+\\.\\d\\d"), ratios.get(0));
        assertTrue(out.contains("300 timed steps per run, 0 warm-up steps, 1 run\n"), out);
        assertFalse(out.contains("goal") || out.contains("median of 1 runs") || out.contains("rss_mb=-1"), out);
    }
}
