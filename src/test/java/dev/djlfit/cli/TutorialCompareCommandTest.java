package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code compare NAME} for a tutorial port, and its one-line refusals. */
class TutorialCompareCommandTest {

    @Test
    void tutorialsAndTheArticlesExperimentsDoNotMix() {
        CliRun run = CliRun.of("compare", "polynomial-nn", "tanh-quadratic");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("not both at once"), run.err());
    }

    @Test
    void theArticlesOptionsAreRefusedForATutorial() {
        CliRun run = CliRun.of("compare", "polynomial-nn", "--lr", "0.1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--lr is for the article's experiments"), run.err());
    }

    @Tag("external")
    @Test
    void comparesInputsFirstThenParametersAndLoss() {
        PyTorchForTests.reference();
        CliRun run = CliRun.of("compare", "polynomial-module", "--seed", "31", "--steps", "300");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        String out = run.out();
        int inputs = out.indexOf("inputs: x differs at");
        int parameters = out.indexOf("initial |diff|");
        int loss = out.indexOf("last printed loss: Java");
        assertTrue(inputs > 0 && inputs < parameters && parameters < loss, out);
        assertTrue(out.contains("== polynomial-module, seed 31, 300 steps"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("extrapolation \\(RMSE against y = sin\\(x\\); inside -pi <= x <= pi,"
                + " outside pi < \\|x\\| <= 2 pi\\): Java \\d+\\.\\d{4} inside,"
                + " \\d+\\.\\d{4} outside; PyTorch \\d+\\.\\d{4} inside, \\d+\\.\\d{4} outside")), out);
        assertTrue(out.contains("\n  at x = 6.2831855: true "), "the probes side by side: " + out);
        assertTrue(out.contains("\nMATCH\n") && out.contains("1 of 1 tutorial ports match PyTorch"), out);
    }

    @Tag("external")
    @Test
    void referenceInputsMakeTheInputsIdentical() {
        PyTorchForTests.reference();
        CliRun run = CliRun.of("compare", "polynomial-nn", "--steps", "200", "--reference-inputs");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("inputs: identical (2000 points), the reference's fed to the port"), run.out());
    }

    @Tag("external")
    @Test
    void aReferenceThatWritesNoTraceIsOneLine(@TempDir Path folder) throws Exception {
        Path python = fakePython(folder, "garbage", "echo 'garbage{'");
        CliRun run = CliRun.of("compare", "polynomial-nn", "--steps", "5", "--python", python.toString());
        assertOneLineAboutTheReference(run, "wrote no trace; its output begins 'garbage{'");
    }

    @Tag("external")
    @Test
    void aReferenceThatWritesSomethingElseIsOneLine(@TempDir Path folder) throws Exception {
        Path python = fakePython(folder, "other", writesToOut("{\"program\": \"polynomial-nn\"}"));
        CliRun run = CliRun.of("compare", "polynomial-nn", "--steps", "5", "--python", python.toString());
        assertOneLineAboutTheReference(run, "is not a trace (docs/trace-format.md)");
    }

    /** A python that answers the version probe, then runs {@code body} in place of tutorials.py. */
    static Path fakePython(Path folder, String name, String body) throws Exception {
        Path file = Files.writeString(folder.resolve(name),
                "#!/bin/sh\nif [ \"$1\" = \"-c\" ]; then echo 1.13.0; exit 0; fi\n" + body + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Writes {@code text} where tutorials.py is asked to write its trace (--out). */
    static String writesToOut(String text) {
        return "while [ $# -gt 0 ]; do if [ \"$1\" = \"--out\" ]; then printf '%s' '" + text + "' > \"$2\"; fi; shift; done";
    }

    /** One line, exit 2, naming neither the temporary file nor a Java exception. */
    static void assertOneLineAboutTheReference(CliRun run, String says) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: the PyTorch reference") || err.startsWith("error: what the PyTorch reference"),
                err);
        assertTrue(err.contains(says), err);
        assertFalse(err.contains("djlfit-reference-") || err.contains("Exception"), err);
    }
}
