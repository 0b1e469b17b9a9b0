package dev.djlfit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --batch K} and {@code sweep --backward manual}: what they print, not how fast. */
class BatchBenchCommandTest {

    private static final Pattern BENCH = Pattern.compile(
            "BENCH batch-8-tanh-h10-d2 (java|alone)-(autograd|manual)(-per-net)? us_per_step=\\d+\\.\\d steps=30 rss_mb=\\d+");

    @Test
    void benchBatchPrintsBatchAloneAndRatioLinesForEachLoop() {
        CliRun run = CliRun.of("bench", "--batch", "8", "--batch-steps", "30", "--warmup", "5", "--repeats", "1",
                "--no-python");
        assertEquals(0, run.exitCode(), run.err());
        List<String> bench = run.out().lines().filter(l -> l.startsWith("BENCH ")).toList();
        assertEquals(6, bench.size(), run.out());
        for (String line : bench) {
            assertTrue(BENCH.matcher(line).matches(), line);
        }
        double perBatch = usPerStep(bench, "java-manual");
        double perNet = usPerStep(bench, "java-manual-per-net");
        assertEquals(perBatch / 8, perNet, 0.05 + perBatch / 8 * 0.01, "per net-step is the batch step over K");
        long ratios = run.out().lines()
                .filter(l -> l.matches("RATIO batch-8-tanh-h10-d2 java-\\w+/alone-\\w+ time=\\d+\\.\\d\\d"))
                .count();
        assertEquals(4, ratios, run.out());
        assertTrue(run.out().contains("INIT batch-8-tanh-h10-d2 java-autograd init_s="), run.out());
        assertTrue(run.out().contains("RATIO: time over time for the same steps, lower is better"), run.out());
        assertTrue(run.out().contains(", 1 run, "), "one run is not a median: " + run.out());
        assertFalse(run.out().contains("goal") || run.out().contains("median of 1 runs"), run.out());
    }

    @Test
    void aBadBatchConfigurationIsOneLine() {
        for (String[] args : List.of(
                new String[] {"bench", "--batch", "8", "--batch-config", "swish-h10-d2", "--no-python"},
                new String[] {"bench", "--batch", "8", "--batch-config", "tanh-h10-d1", "--no-python"},
                new String[] {"bench", "--batch", "0", "--no-python"})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
        }
    }

    @Test
    void sweepWithTheHandWrittenBackwardFitsTheArticlesTanhNets(@TempDir Path dir) {
        CliRun run = CliRun.of("sweep", "--seeds", "3", "--activations", "tanh", "--hidden", "10", "--depths", "2",
                "--steps", "1500", "--backward", "manual", "--out", dir.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("gradients by the hand-written backward"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("tanh-h10-d2\\s+3/3\\s+.*")), run.out());
    }

    private static double usPerStep(List<String> lines, String variant) {
        String line = lines.stream().filter(l -> l.contains(" " + variant + " ")).findFirst().orElseThrow();
        return Double.parseDouble(line.replaceAll(".*us_per_step=(\\S+).*", "$1"));
    }
}
