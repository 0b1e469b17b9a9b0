package dev.djlfit.cli;

import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class CompareCommandTest {

    @Test
    void withoutPyTorchCompareSaysHowToInstallItAndExits2() {
        CliRun run = CliRun.of("compare", "linear-linear", "--steps", "10", "--python", "/nonexistent/python3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("apt-get install -y python3-torch"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void anUnknownExperimentIsABadInput() {
        CliRun run = CliRun.of("compare", "quadratic-tanh", "--steps", "10");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("linear-linear"), run.err());
    }

    @Tag("external")
    @Test
    void compareShowsBothSidesAndAVerdict() {
        PyTorchForTests.reference();
        CliRun run = CliRun.of("compare", "tanh-quadratic", "--steps", "10", "--seed", "5");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("== tanh-quadratic, seed 5, 10 steps, lr 0.01\n"), run.out());
        assertTrue(run.out().contains("l2.bias"), run.out());
        assertTrue(run.out().contains("0 (bit-equal)"), run.out());
        assertTrue(run.out().contains("\nMATCH\n"), run.out());
        // each judged quantity against its tolerance; the loss curve is shown, not judged
        assertTrue(run.out().lines().anyMatch(l -> l.matches(
                "\\s+new_prediction: largest \\|diff\\|/max\\(1,\\|PyTorch\\|\\)\\s+\\S+\\s+1\\.00e-06")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+initial parameters: largest \\|diff\\|\\s+0 \\(bit-equal\\)\\s+bit-equal")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+printed losses: largest \\|diff\\| / \\|PyTorch\\|\\s+\\S+\\s+not checked")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+2\\.5\\s+-?\\d+\\.\\d{6}\\s+-?\\d+\\.\\d{6}\\s+\\S+")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("extrapolation \\(RMSE against y = 3x\\^2 \\+ 2x \\+ 1;"
                + " inside 0 <= x <= 3, outside 3 < x <= 10\\): Java \\d+\\.\\d{4} inside, \\d+\\.\\d{4} outside;"
                + " PyTorch \\d+\\.\\d{4} inside, \\d+\\.\\d{4} outside")), "the reference's from its final parameters: "
                + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("  at x = 10: true 321\\.0000, Java -?\\d+\\.\\d{4},"
                + " PyTorch -?\\d+\\.\\d{4}")), run.out());
        assertTrue(run.out().contains("1 of 1 experiments match PyTorch"), run.out());
    }

    @Test
    void trainWritesItsRunAsJson(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("run.json");
        CliRun run = CliRun.of("train", "--model", "linear", "--data", "linear", "--steps", "1200", "--seed", "4",
                "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        Trace json = TraceJson.read(file);
        assertEquals("linear-linear", json.program());
        assertEquals(4, json.seed());
        assertEquals(List.of(0, 1000, 1199), json.losses().stream().map(Trace.PrintedLoss::step).toList());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList());
        }
    }

    @Test
    void aJsonFileUnderAFileIsRefusedBeforeTraining(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "mine").resolve("run.json");
        CliRun run = CliRun.of("train", "--steps", "100000", "--json", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: --json"), run.err());
        assertFalse(run.out().contains("initial parameters"), run.out());
        assertFalse(Files.exists(file));
    }

    private static Path script(Path folder, String name, String body) throws Exception {
        Path file = Files.writeString(folder.resolve(name),
                "#!/bin/sh\nif [ \"$1\" = \"-c\" ]; then echo 1.13.0; exit 0; fi\n" + body + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Tag("external")
    @Test
    void aReferenceThatPrintsGarbageIsOneLineWithoutAClassName(@TempDir Path folder) throws Exception {
        Path python = script(folder, "garbage", "echo 'garbage{'");
        CliRun run = CliRun.of("compare", "linear-linear", "--steps", "10", "--python", python.toString());
        TutorialCompareCommandTest.assertOneLineAboutTheReference(run, "article.py linear-linear) wrote no trace;"
                + " its output begins 'garbage{'");
    }

    @Tag("external")
    @Test
    void aReferenceThatNeverAnswersIsStoppedAfterTheTimeout(@TempDir Path folder) throws Exception {
        Path python = script(folder, "hangs", "exec sleep 600");
        long start = System.nanoTime();
        CliRun run = CliRun.of("compare", "linear-linear", "--steps", "10", "--python", python.toString(),
                "--python-timeout", "2");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + python + " gave no answer within 2 s, so it was stopped (raise the limit with"
                + " --python-timeout SECONDS)", run.err().strip());
        assertTrue(System.nanoTime() - start < 60e9, "it did not wait for the script");
        assertTrue(CliRun.of("compare", "--help").out().contains("--python-timeout"));
    }
}
