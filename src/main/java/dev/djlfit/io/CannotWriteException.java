package dev.djlfit.io;

/** An output that cannot be written as asked; the message names the option, the path and the reason. */
public final class CannotWriteException extends RuntimeException {

    public CannotWriteException(String message) {
        super(message);
    }

    public CannotWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
