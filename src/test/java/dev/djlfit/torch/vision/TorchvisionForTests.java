package dev.djlfit.torch.vision;

import dev.djlfit.parity.PyTorchForTests;
import dev.djlfit.torch.TorchPythonAccess;

import java.util.List;

/**
 * Python programs that need torchvision (Debian's {@code python3-torchvision} 0.14 beside its torch
 * 1.13): the calling test is skipped, with a line saying what to install, where torch or
 * torchvision is missing, and fails instead where {@code DJLFIT_REQUIRE_PYTORCH} is set
 * ({@link PyTorchForTests#referenceWithTorchvision()}).
 */
public final class TorchvisionForTests {

    private TorchvisionForTests() {}

    public static List<String> run(String program) {
        PyTorchForTests.referenceWithTorchvision();
        return TorchPythonAccess.run(program);
    }
}
