package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "Learn the Basics" ports against their reference ({@code src/reference/pytorch/basics.py})
 * on Debian's PyTorch 1.13 and torchvision 0.14, one epoch on the FashionMNIST slice that ships
 * with the tests (1024 training and 256 test images): the same printed lines, bit-equal initial
 * parameters, and the printed losses, test accuracy, average loss and final parameters within
 * {@link Tolerances#CLASSIFIER}; {@code model.pth} both ways. Skipped, saying how to
 * install PyTorch and torchvision, where /usr/bin/python3 lacks them; failed instead when
 * DJLFIT_REQUIRE_PYTORCH is set.
 */
@Tag("external") // every test here runs the PyTorch reference (Both.run)
class BasicsParityTest {

    static final Path SLICE = Path.of("src", "test", "resources", "fashion-mnist-slice");

    /** Seeds the project had not used before these ports. */
    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"quickstart, 5", "quickstart, 42", "optimization, 42", "saveloadrun, 5"})
    void portPrintsTheOriginalsLinesAndMatchesPyTorch(String name, long seed, @TempDir Path dir) throws Exception {
        Both both = Both.run(name, seed, dir);
        Comparison c = Comparison.of(both.java, both.pytorch, false);

        assertEquals(0, c.initialMaxAbs(), "initial parameters are bit-equal");
        assertEquals(List.of("linear_relu_stack.0.weight", "linear_relu_stack.0.bias", "linear_relu_stack.2.weight",
                "linear_relu_stack.2.bias", "linear_relu_stack.4.weight", "linear_relu_stack.4.bias"),
                List.copyOf(c.java().finalParameters().keySet()));
        assertEquals(c.pytorch().finalParameters().keySet(), c.java().finalParameters().keySet());
        assertEquals(16, c.java().steps(), "1024 images in batches of 64");
        assertEquals(List.of(0), c.java().losses().stream().map(Trace.PrintedLoss::step).toList());
        assertEquals(1, c.java().tests().size());
        Verdict verdict = c.verdict(Tolerances.forProgram(name));
        assertTrue(verdict.passed(), name + " seed " + seed + ": " + verdict.failures());

        assertEquals(numbersMasked(both.pytorchPrinted), numbersMasked(both.javaPrinted),
                "the port prints the original's lines in its format");
        assertEquals(both.pytorchPrinted.lines().count(), both.javaPrinted.lines().count());
        assertEquals(both.pytorchPrinted.lines().filter(l -> !l.startsWith("loss:") && !l.contains("Accuracy")).toList(),
                both.javaPrinted.lines().filter(l -> !l.startsWith("loss:") && !l.contains("Accuracy")).toList(),
                "every line without a trained number is the same");
    }

    /** torch.load reads the port's model.pth, and gets the values the port trained. */
    @Test
    void javasModelPthLoadsInPyTorchWithTheSameValues(@TempDir Path dir) throws Exception {
        Both both = Both.run("quickstart", 42, dir);
        Path javaTrace = dir.resolve("java.json");
        Files.writeString(javaTrace, TraceJson.toJson(both.java));
        String printed = python(dir, String.join("\n",
                "import json, sys, torch",
                "state = torch.load(sys.argv[1], weights_only=True) if 'weights_only' in torch.load.__code__.co_varnames"
                        + " else torch.load(sys.argv[1])",
                "trace = json.load(open(sys.argv[2]))['final_parameters']",
                "assert list(state) == list(trace), (list(state), list(trace))",
                "print(max(float((state[k] - torch.tensor(trace[k], dtype=torch.float32)).abs().max()) for k in state),"
                        + " state[list(state)[0]].dtype)"),
                dir.resolve("model.pth").toString(), javaTrace.toString());
        assertEquals("0.0 torch.float32", printed.strip(), "every value as the port trained it");
    }

    /** The model PyTorch trained and saved gives PyTorch's own accuracy when the port loads it. */
    @Test
    void aPyTorchSavedModelGivesPyTorchsAccuracyInSaveloadrun(@TempDir Path dir) throws Exception {
        Both both = Both.run("quickstart", 5, dir);
        Path pytorchPth = dir.resolve("reference.pth");
        Program saveloadrun = Programs.named("saveloadrun").orElseThrow();
        List<String> lines = new ArrayList<>();
        Trace loaded = Programs.run(saveloadrun, 0, 1, Optional.empty(),
                new DataSettings(SLICE, dir, Optional.of(pytorchPth)), lines::add);

        Trace.TestResult pytorch = both.pytorch.tests().get(0);
        Trace.TestResult java = loaded.tests().get(0);
        assertEquals(pytorch.accuracy(), java.accuracy(), "the same images right");
        assertEquals(pytorch.avgLoss(), java.avgLoss(), 1e-6 * pytorch.avgLoss());
        assertEquals(both.pytorch.finalParameters().keySet(), loaded.finalParameters().keySet());
        assertEquals(0, both.pytorch.finalParameters().keySet().stream().mapToDouble(name -> Comparison.maxAbs(
                both.pytorch.finalParameters().get(name), loaded.finalParameters().get(name))).max().orElseThrow(),
                "loaded bit for bit");
        String accuracyLine = both.pytorchPrinted.lines().filter(l -> l.startsWith(" Accuracy")).findFirst().orElseThrow();
        assertTrue(String.join("\n", lines).contains(accuracyLine), lines + " holds PyTorch's " + accuracyLine);
        assertEquals(List.of(), loaded.losses(), "nothing trained");
    }

    /** The reference's printed lines and trace, and the port's, from the same seed on the slice, one epoch. */
    private record Both(Trace java, String javaPrinted, Trace pytorch, String pytorchPrinted) {

        static Both run(String name, long seed, Path dir) throws IOException {
            PyTorchReference reference = PyTorchForTests.referenceWithTorchvision();
            Program tutorial = Programs.named(name).orElseThrow();
            Path out = dir.resolve("reference.json");
            PyTorchReference.Pending python = reference.startScript(tutorial.referenceScript(), List.of(name,
                    "--seed", Long.toString(seed), "--epochs", "1", "--data", SLICE.toString(),
                    "--model", dir.resolve("reference.pth").toString(), "--out", out.toString()));
            List<String> lines = new ArrayList<>();
            Trace java = Programs.run(tutorial, seed, 1, Optional.empty(), new DataSettings(SLICE, dir, Optional.empty()),
                    lines::add);
            String pytorchPrinted = python.output();
            StringBuilder javaPrinted = new StringBuilder();
            lines.forEach(l -> javaPrinted.append(l).append('\n'));
            return new Both(java, javaPrinted.toString(), TraceJson.read(out), pytorchPrinted);
        }
    }

    /** The text with every number replaced by N. */
    static String numbersMasked(String text) {
        return text.replaceAll("-?\\d+(\\.\\d+)?(e[-+]\\d+)?", "N");
    }

    private static String python(Path dir, String script, String... args) throws IOException, InterruptedException {
        PyTorchReference reference = PyTorchForTests.reference();
        List<String> command = new ArrayList<>(List.of(reference.python().toString(), "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return output;
    }
}
