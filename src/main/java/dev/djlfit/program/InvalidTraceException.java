package dev.djlfit.program;

/** A file that should hold a trace does not, or lacks a part; the message says which. */
public final class InvalidTraceException extends RuntimeException {

    public InvalidTraceException(String message) {
        super(message);
    }
}
