package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.trace.TraceRecorder;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code src/reference/pytorch/djlfit_trace.py}, the recorder a user imports into their own PyTorch
 * script: its own unittest under the installed torch, and a trace it writes read by the app and put
 * beside the kit recorder's trace of the same model.
 */
class DjlfitTraceModuleTest {

    private static final Path MODULE_FOLDER = Path.of("src/reference/pytorch");

    @Tag("external")
    @Test
    void itsOwnUnittestPassesUnderTheInstalledTorch() throws Exception {
        String output = python(List.of("-m", "unittest", "-v", "test_djlfit_trace"), MODULE_FOLDER);
        assertTrue(output.contains("Ran 12 tests") && output.strip().endsWith("OK"), output);
    }

    @Tag("external")
    @Test
    void aPyTorchTraceAndTheKitsTraceOfTheSameModelMatch(@TempDir Path folder) throws Exception {
        Path pytorch = folder.resolve("pytorch.json");
        python(List.of("-c", String.join("\n",
                "import sys, torch",
                "sys.path.insert(0, '" + MODULE_FOLDER.toAbsolutePath() + "')",
                "from djlfit_trace import TraceRecorder",
                "torch.manual_seed(11)",
                "model = torch.nn.Linear(4, 2)",
                "recorder = TraceRecorder('linear', 11).initial(model.state_dict())",
                "with torch.no_grad():",
                "    model.bias.fill_(0.5)",
                "recorder.loss(0, torch.tensor(0.25)).value('labels', torch.tensor([3, 9]))",
                "recorder.finish(model.state_dict(), steps=1).write(sys.argv[1])"), pytorch.toString()),
                Path.of("."));
        Trace fromPython = TraceJson.read(pytorch);
        assertEquals(List.of("weight", "bias"), List.copyOf(fromPython.initialParameters().keySet()));

        Trace fromJava;
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(11);
            Linear model = new Linear(m, 4, 2);
            TraceRecorder recorder = new TraceRecorder("linear", 11).initial(model.stateDict());
            Torch.fill_(model.bias(), 0.5);
            recorder.loss(0, 0.25).value("labels", new long[] {3, 9});
            fromJava = TraceJson.parse(recorder.finish(model.stateDict()).steps(1).toJson(), "java");
        }
        Comparison c = Comparison.of(fromJava, fromPython, false);
        assertEquals(0, c.initialMaxAbs(), "torch.manual_seed(11) draws the same Linear on both sides");
        assertEquals(0, c.finalMaxAbs());
        assertEquals(0, c.valuesMaxAbs());
        assertTrue(c.verdict(new Tolerances(0, 0, 0, 0, 0, 0, "equal")).passed());
    }

    private static String python(List<String> arguments, Path directory) throws IOException, InterruptedException {
        PyTorchReference reference = PyTorchForTests.reference();
        List<String> command = new ArrayList<>();
        command.add(reference.python().toString());
        command.addAll(arguments);
        Path log = Files.createTempFile("djlfit-trace", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finishes");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
