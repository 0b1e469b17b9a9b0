package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Test;

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
        assertTrue(out.contains("\nMATCH\n") && out.contains("1 of 1 tutorial ports match PyTorch"), out);
    }

    @Test
    void referenceInputsMakeTheInputsIdentical() {
        PyTorchForTests.reference();
        CliRun run = CliRun.of("compare", "polynomial-nn", "--steps", "200", "--reference-inputs");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("inputs: identical (2000 points), the reference's fed to the port"), run.out());
    }
}
