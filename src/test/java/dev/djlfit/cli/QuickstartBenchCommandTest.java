package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.TorchvisionForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@code bench --tutorial quickstart} on the shipped FashionMNIST slice with tiny settings: the
 * kit's, DJL's Trainer's and the floor's lines, each epoch's line with its memory, PyTorch's line
 * naming its BLAS. No timing is asserted.
 */
class QuickstartBenchCommandTest {

    private static final String NUMBER = "\\d+\\.\\d\\d";

    private static CliRun bench(String... more) {
        String[] base = {"bench", "--tutorial", "quickstart", "--data", FashionMnistForTests.SLICE.toString(),
                "--epochs", "2", "--batches", "3", "--matmul-repeats", "5"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void printsTheThreeFiguresSideBySideAndMemoryAfterEachEpoch() {
        CliRun run = bench("--no-python");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.lines().anyMatch(l -> l.matches("QUICKSTART kit s_per_epoch=" + NUMBER + " batches=3 .*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("QUICKSTART djl-trainer s_per_epoch=" + NUMBER + " batches=3 .*")),
                out);
        assertTrue(out.lines().anyMatch(l -> l.matches("QUICKSTART floor s_per_epoch=" + NUMBER + " gflop=\\d+\\.\\d"
                + " gflop_s=\\d+\\.\\d .*")), out);
        for (int epoch = 1; epoch <= 2; epoch++) {
            String kit = "EPOCH " + epoch + " kit s=" + NUMBER + " batches=3 data=" + NUMBER + " forward=" + NUMBER
                    + " backward=" + NUMBER + " update=" + NUMBER + " other=-?" + NUMBER + " rss_mb=\\d+ heap_mb=\\d+";
            String djl = "EPOCH " + epoch + " djl-trainer s=" + NUMBER + " batches=3 rss_mb=\\d+ heap_mb=\\d+";
            assertTrue(out.lines().anyMatch(l -> l.matches(kit)), kit + " in\n" + out);
            assertTrue(out.lines().anyMatch(l -> l.matches(djl)), djl + " in\n" + out);
        }
        assertEquals(8, out.lines().filter(l -> l.startsWith("MATMUL ")).count(), "a step's eight products: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("RATIO quickstart kit/djl-trainer time=" + NUMBER + " .*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("RATIO quickstart kit/floor time=" + NUMBER + " .*")), out);
        assertTrue(out.contains("libtorch intra-op threads 1"), out);
        assertFalse(out.contains("pytorch"), out);
    }

    @Test
    void thePyTorchEpochNamesItsBlas() {
        TorchvisionForTests.run("import torch, torchvision");
        CliRun run = bench("--pytorch-batches", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("QUICKSTART pytorch s_per_epoch=" + NUMBER
                + " scaled from 2 of 16 batches \\(PyTorch \\S+, BLAS_INFO=\\S+, 1 thread; .*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("RATIO quickstart kit/pytorch time=" + NUMBER + " .*")),
                run.out());
    }

    @Tag("external")
    @Test
    void aReferenceThatPrintsNothingLeavesTheJavaFigures(@TempDir Path folder) throws Exception {
        Path python = TutorialCompareCommandTest.fakePython(folder, "silent", "exit 0");
        CliRun run = bench("--python", python.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("QUICKSTART pytorch not timed: the PyTorch quickstart bench printed no result"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("QUICKSTART kit s_per_epoch=")), run.out());
        assertFalse(run.out().contains("kit/pytorch"), run.out());
    }

    @Test
    void missingDataIsOneLine(@TempDir Path empty) {
        CliRun run = CliRun.of("bench", "--tutorial", "quickstart", "--data", empty.toString(), "--no-python");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("dataset-fashion-mnist") && run.err().contains("--data"), run.err());
    }
}
