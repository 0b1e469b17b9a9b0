package dev.djlfit.bench;

import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;

import java.nio.file.Path;

/**
 * Whether the PyTorch reference can be timed here: the reference and its torch version, or why not.
 *
 * @param referenceOrNull the reference, or null where it cannot run
 * @param python the Python asked
 * @param torchVersion {@code torch.__version__}, or empty
 * @param whyNot why it cannot run, or empty
 */
public record PyTorchAvailability(PyTorchReference referenceOrNull, Path python, String torchVersion, String whyNot) {

    public static PyTorchAvailability check(Path python) {
        return check(python, PyTorchReference.DEFAULT_TIMEOUT);
    }

    /** @param timeout how long each reference process may run before it is stopped */
    public static PyTorchAvailability check(Path python, java.time.Duration timeout) {
        try {
            PyTorchReference reference = PyTorchReference.locate(python).withTimeout(timeout);
            return new PyTorchAvailability(reference, python, reference.torchVersion(), "");
        } catch (ReferenceUnavailableException e) {
            return new PyTorchAvailability(null, python, "", e.getMessage());
        }
    }

    public boolean available() {
        return referenceOrNull != null;
    }
}
