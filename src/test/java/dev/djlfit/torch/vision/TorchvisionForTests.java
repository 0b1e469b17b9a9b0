package dev.djlfit.torch.vision;

import static org.junit.jupiter.api.Assertions.fail;

import dev.djlfit.parity.PyTorchForTests;
import dev.djlfit.torch.TorchPythonAccess;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.util.List;

/**
 * Python programs that need torchvision (Debian's {@code python3-torchvision} 0.14 beside its torch
 * 1.13): the calling test is skipped, with a line saying what to install, where torch or
 * torchvision is missing, and fails instead where {@code DJLFIT_REQUIRE_PYTORCH} is set.
 */
public final class TorchvisionForTests {

    private static Boolean available;

    private TorchvisionForTests() {}

    public static List<String> run(String program) {
        ensureTorchvision();
        return TorchPythonAccess.run(program);
    }

    private static synchronized void ensureTorchvision() {
        String python = PyTorchForTests.reference().python().toString();
        if (available == null) {
            try {
                Process check = new ProcessBuilder(python, "-c", "import torchvision").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                available = check.waitFor() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        if (!available) {
            String message = "torchvision parity not checked: " + python
                    + " cannot import torchvision (install Debian's python3-torchvision)";
            if (System.getenv("DJLFIT_REQUIRE_PYTORCH") != null) {
                fail(message + " (DJLFIT_REQUIRE_PYTORCH is set)");
            }
            Assumptions.abort(message);
        }
    }
}
