package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.report.ResultJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class CompareCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void withoutPyTorchCompareSaysHowToInstallItAndExits2() {
        Run run = main("compare", "linear-linear", "--steps", "10", "--python", "/nonexistent/python3");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("apt-get install -y python3-torch"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void anUnknownExperimentIsABadInput() {
        Run run = main("compare", "quadratic-tanh", "--steps", "10");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("linear-linear"), run.err());
    }

    @Test
    void compareShowsBothSidesAndAVerdict() {
        try {
            PyTorchReference.locate(PyTorchReference.DEFAULT_PYTHON).torchVersion();
        } catch (ReferenceUnavailableException e) {
            Assumptions.abort("compare not run: " + e.getMessage());
        }
        Run run = main("compare", "tanh-quadratic", "--steps", "10", "--seed", "5");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("=== tanh-quadratic, seed 5, 10 steps, lr 0.01 ==="), run.out());
        assertTrue(run.out().contains("l2.bias"), run.out());
        assertTrue(run.out().contains("0 (bit-equal)"), run.out());
        assertTrue(run.out().contains("verdict: MATCH"), run.out());
        assertTrue(run.out().contains("1 of 1 experiments match PyTorch"), run.out());
    }

    @Test
    void trainWritesItsRunAsJson(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("run.json");
        Run run = main("train", "--model", "linear", "--data", "linear", "--steps", "1200", "--seed", "4",
                "--json", file.toString());
        assertEquals(0, run.code(), run.err());
        ResultJson json = ResultJson.parse(Files.readString(file));
        assertEquals("linear-linear", json.experiment());
        assertEquals(4, json.seed());
        assertEquals(List.of(0, 1000, 1199), json.loss().stream().map(p -> p.step()).toList());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList());
        }
    }

    @Test
    void aJsonFileInAMissingFolderIsRefusedBeforeTraining(@TempDir Path folder) {
        Path file = folder.resolve("missing").resolve("run.json");
        Run run = main("train", "--steps", "100000", "--json", file.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: --json"), run.err());
        assertFalse(run.out().contains("initial parameters"), run.out());
        assertFalse(Files.exists(file));
    }
}
