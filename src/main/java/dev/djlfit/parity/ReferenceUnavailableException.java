package dev.djlfit.parity;

/** The PyTorch reference cannot run here: no Python, no PyTorch, or no reference script. */
public final class ReferenceUnavailableException extends RuntimeException {

    public ReferenceUnavailableException(String message) {
        super(message);
    }
}
