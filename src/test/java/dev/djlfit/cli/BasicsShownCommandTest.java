package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.TorchFormat;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tutorial tensors|data|transforms|buildmodel|autograd}: the lines they print, the data
 * tutorial's PNG files and trace, and their one-line errors. (The comparison with PyTorch's own
 * printing is {@code BasicsShownParityTest}.)
 */
class BasicsShownCommandTest {

    static final Path SLICE = FashionMnistForTests.SLICE;

    @Test
    void dataWritesItsPicturesAndPicksIntoTheTraceAndLeavesTheUsersFilesAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path usersCsv = Files.writeString(out.resolve("labels.csv"), "mine\n");
        Path json = dir.resolve("trace.json");
        CliRun run = CliRun.of("tutorial", "data", "--seed", "11", "--data", SLICE.toString(), "--out", out.toString(),
                "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("Feature batch shape: torch.Size([64, 1, 28, 28])"), run.out());
        assertTrue(lines.contains("Labels batch shape: torch.Size([64])"), run.out());
        assertTrue(run.out().contains("fashion_mnist_grid.png") && run.out().contains("fashion_mnist_sample.png"));

        Trace trace = TraceJson.read(json);
        List<Long> picked = trace.values().get("grid_indices").asIntegers();
        List<Long> labels = trace.values().get("first_batch_labels").asIntegers();
        assertEquals(9, picked.size());
        assertTrue(picked.stream().allMatch(i -> i >= 0 && i < 1024), picked.toString());
        assertEquals(64, labels.size());
        assertEquals("Label: " + labels.get(0), trace.result(), "the sample shown is the batch's first");
        FashionMNIST slice = new FashionMNIST(SLICE, true);
        assertTrue(labels.stream().allMatch(l -> l >= 0 && l < slice.classes().size()));

        BufferedImage grid = ImageIO.read(out.resolve("fashion_mnist_grid.png").toFile());
        BufferedImage sample = ImageIO.read(out.resolve("fashion_mnist_sample.png").toFile());
        assertEquals(grid.getWidth(), 3 * (28 * 8 + 24));
        assertEquals(28 * 8, sample.getWidth());
        assertEquals("mine\n", Files.readString(usersCsv), "the custom dataset's labels.csv went to a folder of its own");
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "the two pictures and the user's file, nothing else");
        }
    }

    @Test
    void autogradPrintsTheJacobianProductAccumulatingThenZeroed() {
        CliRun run = CliRun.of("tutorial", "autograd", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        float[] once = new float[20];
        float[] twice = new float[20];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                float inp = i == j ? 1 : 0;
                once[i * 5 + j] = 2 * (inp + 1);
                twice[i * 5 + j] = 2 * once[i * 5 + j];
            }
        }
        String first = TorchFormat.tensor(new dev.djlfit.torch.TensorValues(new long[] {4, 5}, once));
        String second = TorchFormat.tensor(new dev.djlfit.torch.TensorValues(new long[] {4, 5}, twice));
        assertTrue(run.out().contains("First call\n" + first + "\n\nSecond call\n" + second
                + "\n\nCall after zeroing gradients\n" + first + "\n"), run.out());
        assertTrue(run.out().contains("\nTrue\nFalse\nFalse\n"), "requires_grad of z, of z under no_grad, of z.detach()");
        assertTrue(run.out().startsWith("Gradient function for z = <AddBackward0 object at 0x"), run.out());
        assertTrue(run.out().contains("Gradient function for loss = <BinaryCrossEntropyWithLogitsBackward0 object at 0x"));
    }

    @Test
    void transformsPrintsNothingAsTheOriginal() {
        CliRun run = CliRun.of("tutorial", "transforms", "--data", SLICE.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void optionsTheProgramsDoNotTakeAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String[] args : List.of(
                new String[] {"tutorial", "tensors", "--steps", "5"},
                new String[] {"tutorial", "buildmodel", "--epochs", "1"},
                new String[] {"tutorial", "autograd", "--data", SLICE.toString()},
                new String[] {"tutorial", "data", "--data", SLICE.toString(), "--out", file.toString()},
                new String[] {"tutorial", "data", "--data", dir.resolve("nowhere").toString()},
                new String[] {"tutorial", "polynomial-nn", "--out", dir.toString()},
                new String[] {"compare", "tensors"},
                new String[] {"bench", "--tutorial", "autograd"})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.out());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals("", run.out());
        }
        assertEquals("x", Files.readString(file));
    }
}
