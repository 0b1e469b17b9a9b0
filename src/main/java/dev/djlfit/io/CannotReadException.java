package dev.djlfit.io;

/** An input that cannot be read as asked; the message names the option, the path and the reason. */
public final class CannotReadException extends RuntimeException {

    public CannotReadException(String message) {
        super(message);
    }

    public CannotReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
