package dev.djlfit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

class PrerequisiteTest {

    @Test
    void missingSkipsSayingWhatToInstallAndFailsWhereCiRequiresIt() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Prerequisite.NBCONVERT.require("docs/notebooks.md:43", false, name -> null));
        assertEquals("docs/notebooks.md:43 not checked: jupyter nbconvert is not installed; install it with:"
                + " apt-get install -y --no-install-recommends jupyter-nbconvert", skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Prerequisite.FASHION_MNIST.require("x", false,
                        name -> name.equals("DJLFIT_REQUIRE_FASHION_MNIST") ? "1" : null));
        assertTrue(failed.getMessage().contains("apt-get install -y dataset-fashion-mnist"), failed.getMessage());
        assertDoesNotThrow(() -> Prerequisite.NBCONVERT.require("x", true, name -> "1"));
    }

    @Test
    void fashionMnistIsThereWhenItsFourFilesAre() {
        boolean files = Files.isRegularFile(Path.of(Prerequisite.FASHION_MNIST_FOLDER, "train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(Path.of(Prerequisite.FASHION_MNIST_FOLDER, "t10k-labels-idx1-ubyte.gz"));
        assertEquals(files, Prerequisite.FASHION_MNIST.isAvailable());
    }
}
