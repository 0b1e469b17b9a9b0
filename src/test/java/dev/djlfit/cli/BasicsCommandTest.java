package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import dev.djlfit.program.DataSettings;
import dev.djlfit.tutorials.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tutorial quickstart|optimization|saveloadrun}: the lines they print on the FashionMNIST
 * slice that ships with the tests, the model file they write and load, and their one-line errors.
 * (The comparison with PyTorch is {@code BasicsParityTest}.)
 */
class BasicsCommandTest {

    static final Path SLICE = Path.of("src", "test", "resources", "fashion-mnist-slice");

    @Test
    void missingDataIsOneLineNamingTheDebianPackageAndData(@TempDir Path dir) {
        CliRun run = CliRun.of("tutorial", "quickstart", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains("dataset-fashion-mnist") && lines.get(0).contains("--data DIR"), lines.get(0));
        assertEquals("", run.out());
    }

    /** torchvision's layout, {@code --data root} with the files in {@code root/FashionMNIST/raw}, reads the same data. */
    @Test
    void aTorchvisionRootIsReadAsTheFolderItHolds(@TempDir Path dir) throws Exception {
        Path raw = Files.createDirectories(dir.resolve("data").resolve("FashionMNIST").resolve("raw"));
        try (var files = Files.list(SLICE)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".gz")).toList()) {
                Files.copy(f, raw.resolve(f.getFileName()));
            }
        }
        CliRun plain = CliRun.of("tutorial", "data", "--seed", "3", "--data", SLICE.toString(), "--out",
                dir.resolve("a").toString());
        CliRun torchvision = CliRun.of("tutorial", "data", "--seed", "3", "--data", dir.resolve("data").toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, torchvision.exitCode(), torchvision.err());
        String temporary = "custom-image-dataset-\\d+"; // the custom dataset's own temporary folder
        assertEquals(plain.out().replace(dir.resolve("a").toString(), "OUT").replaceAll(temporary, "TMP"),
                torchvision.out().replace(dir.resolve("b").toString(), "OUT").replaceAll(temporary, "TMP"));
    }

    @Test
    void stepsAndInputsAreRefusedForAProgramThatTrainsByEpoch() {
        CliRun steps = CliRun.of("tutorial", "optimization", "--steps", "5", "--data", SLICE.toString());
        assertEquals(2, steps.exitCode());
        assertTrue(steps.err().strip().contains("use --epochs N"), steps.err());
        CliRun epochs = CliRun.of("tutorial", "polynomial-nn", "--epochs", "1");
        assertEquals(2, epochs.exitCode());
        assertTrue(epochs.err().strip().contains("use --steps N"), epochs.err());
        CliRun load = CliRun.of("tutorial", "quickstart", "--load", "model.pth", "--data", SLICE.toString());
        assertEquals(2, load.exitCode());
        assertTrue(load.err().contains("--load is saveloadrun's"), load.err());
    }

    /**
     * The quickstart's lines, in its format, one epoch on the slice; its model.pth, loaded by
     * {@code tutorial saveloadrun --load}, gives the same test line.
     */
    @Test
    void quickstartPrintsTheOriginalsLinesAndItsModelLoadsInSaveloadrun(@TempDir Path dir) throws Exception {
        List<String> printed = new ArrayList<>();
        Trace trace = Programs.run(Programs.named("quickstart").orElseThrow(), 3, 1, Optional.empty(),
                new DataSettings(SLICE, dir, Optional.empty()), printed::add);
        String text = String.join("\n", printed);
        List<String> lines = text.lines().toList();
        assertEquals("Shape of X [N, C, H, W]: torch.Size([64, 1, 28, 28])", lines.get(0));
        assertEquals("Shape of y: torch.Size([64]) torch.int64", lines.get(1));
        assertEquals("Using cpu device", lines.get(2));
        assertEquals("NeuralNetwork(", lines.get(3));
        assertEquals("  (flatten): Flatten(start_dim=1, end_dim=-1)", lines.get(4));
        assertEquals("    (0): Linear(in_features=784, out_features=512, bias=True)", lines.get(6));
        int epoch = lines.indexOf("Epoch 1");
        assertEquals("-------------------------------", lines.get(epoch + 1));
        assertTrue(lines.get(epoch + 2).matches("loss: \\d\\.\\d{6}  \\[   64/ 1024\\]"), lines.get(epoch + 2));
        assertEquals("Test Error: ", lines.get(epoch + 3));
        assertTrue(lines.get(epoch + 4).matches(" Accuracy: \\d+\\.\\d%, Avg loss: \\d\\.\\d{6} "), lines.get(epoch + 4));
        assertEquals(List.of("", "Done!", "Saved PyTorch Model State to model.pth"), lines.subList(epoch + 5, epoch + 8));
        assertTrue(lines.get(epoch + 8).matches("Predicted: \"[^\"]+\", Actual: \"Ankle boot\""), lines.get(epoch + 8));
        assertEquals(epoch + 9, lines.size(), text);
        assertEquals(trace.losses().get(0).value(), Float.parseFloat(lines.get(epoch + 2).substring(6, 14)), 5e-7);
        assertTrue(Files.size(dir.resolve("model.pth")) > 2_600_000, "669706 float32 values");

        Path json = dir.resolve("loaded.json");
        CliRun loaded = CliRun.of("tutorial", "saveloadrun", "--load", dir.resolve("model.pth").toString(), "--data",
                SLICE.toString(), "--json", json.toString());
        assertEquals(0, loaded.exitCode(), loaded.err());
        assertTrue(loaded.out().startsWith(lines.get(epoch + 3) + "\n" + lines.get(epoch + 4) + "\n"),
                loaded.out() + " begins with the quickstart's own test lines");
        Trace back = TraceJson.read(json);
        assertEquals(trace.tests().get(0).accuracy(), back.tests().get(0).accuracy());
        assertEquals(trace.finalParameters().keySet(), back.finalParameters().keySet());
        assertFalse(Files.exists(dir.resolve("model_weights.pth")), "--load trains and saves nothing");
    }

    /** A step scope per batch, the loader freeing each batch: the engine holds as many arrays after epoch 4 as after epoch 2. */
    @Test
    void memoryStaysFlatFromEpochToEpoch(@TempDir Path dir) {
        NDManager engine;
        try (NDManager probe = NDManager.newBaseManager()) {
            engine = probe.getParentManager();
        }
        List<Integer> arraysAfterEachTest = new ArrayList<>();
        Programs.run(Programs.named("optimization").orElseThrow(), 1, 4, Optional.empty(),
                new DataSettings(SLICE, dir, Optional.empty()), line -> {
                    if (line.startsWith("Test Error")) {
                        arraysAfterEachTest.add(engine.getManagedArrays().size());
                    }
                });
        assertEquals(4, arraysAfterEachTest.size());
        assertEquals(arraysAfterEachTest.get(1), arraysAfterEachTest.get(3), "arrays held after each epoch's test: "
                + arraysAfterEachTest);
    }
}
