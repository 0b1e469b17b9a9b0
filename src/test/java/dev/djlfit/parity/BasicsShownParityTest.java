package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.program.Trace;
import dev.djlfit.program.DataSettings;
import dev.djlfit.tutorials.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The five "Learn the Basics" ports that train nothing against their reference
 * ({@code src/reference/pytorch/basics_shown.py}) on Debian's PyTorch 1.13 and torchvision 0.14:
 * at the same seed they print the same lines (the port's own notes, in parentheses, aside; a
 * {@code grad_fn}'s address masked), and {@code tutorial data} picks the same nine indices and the
 * same first shuffled batch. Skipped, saying how to install PyTorch and torchvision, where /usr/bin/python3 has
 * none; failed instead when DJLFIT_REQUIRE_PYTORCH is set.
 */
@Tag("external") // every test here runs the PyTorch reference (Both.run)
class BasicsShownParityTest {

    static final Path SLICE = FashionMnistForTests.SLICE;
    static final String SCRIPT = "basics_shown.py";

    /** Seeds the project had not used before these ports. */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"11", "2025"})
    void dataPicksTheSameIndicesAndFirstBatchAsPyTorchOnTheSlice(long seed, @TempDir Path dir) throws Exception {
        assertSamePicks(seed, SLICE, dir);
    }

    @Test
    void dataPicksTheSameIndicesAndFirstBatchAsPyTorchOnTheFullSet(@TempDir Path dir) throws Exception {
        assertSamePicks(2025, FashionMnistForTests.fullSet(), dir);
    }

    private static void assertSamePicks(long seed, Path data, Path dir) throws IOException {
        Both both = both("data", seed, data, dir);
        JsonObject reference = JsonParser.parseString(Files.readString(dir.resolve("reference.json"))).getAsJsonObject();
        List<Long> indices = longs(reference.getAsJsonArray("grid_indices"));
        List<Long> labels = longs(reference.getAsJsonArray("first_batch_labels"));
        assertEquals(9, indices.size());
        assertEquals(64, labels.size());
        assertEquals(indices, both.java.values().get("grid_indices").asIntegers(), "torch.randint's nine picks");
        assertEquals(labels, both.java.values().get("first_batch_labels").asIntegers(), "the first shuffled batch");
        assertEquals(both.pytorchPrinted, both.javaPrinted, "the original's lines");
        assertTrue(Files.isRegularFile(dir.resolve("fashion_mnist_grid.png")));
        assertTrue(Files.isRegularFile(dir.resolve("fashion_mnist_sample.png")));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"tensors, 11", "tensors, 2025", "buildmodel, 11", "buildmodel, 2025", "autograd, 11",
        "autograd, 2025"})
    void portPrintsWhatTheOriginalPrints(String name, long seed, @TempDir Path dir) throws Exception {
        Both both = both(name, seed, SLICE, dir);
        assertTrue(both.pytorchPrinted.lines().count() > 10, both.pytorchPrinted);
        assertEquals(both.pytorchPrinted, both.javaPrinted);
    }

    /** The reference's printed lines, and the port's, from the same seed; the port's notes and grad_fn addresses left out. */
    private record Both(Trace java, String javaPrinted, String pytorchPrinted) {}

    private static Both both(String name, long seed, Path data, Path dir) throws IOException {
        PyTorchReference reference = PyTorchForTests.referenceWithTorchvision();
        PyTorchReference.Pending python = reference.startScript(SCRIPT, List.of(name, "--seed",
                Long.toString(seed), "--data", data.toString(), "--out", dir.resolve("reference.json").toString()));
        List<String> lines = new ArrayList<>();
        Trace java = Programs.run(Programs.named(name).orElseThrow(), seed, 1, Optional.empty(),
                new DataSettings(data, dir, Optional.empty()), lines::add);
        StringBuilder javaPrinted = new StringBuilder();
        lines.forEach(l -> javaPrinted.append(l).append('\n'));
        return new Both(java, comparable(javaPrinted.toString()), comparable(python.output()));
    }

    /** The text without the port's notes (whole lines in parentheses) and with grad_fn addresses masked. */
    static String comparable(String printed) {
        StringBuilder out = new StringBuilder();
        java.util.Arrays.stream(printed.split("\n", -1)).filter(l -> !(l.startsWith("(") && l.endsWith(")"))) // trailing empty lines kept
                .forEach(l -> out.append(l.replaceAll("object at 0x[0-9a-f]+", "object at 0x...")).append('\n'));
        return out.toString();
    }

    private static List<Long> longs(JsonArray a) {
        List<Long> values = new ArrayList<>();
        a.forEach(e -> values.add(e.getAsLong()));
        return values;
    }
}
