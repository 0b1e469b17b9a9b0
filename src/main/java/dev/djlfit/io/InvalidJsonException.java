package dev.djlfit.io;

/** A JSON input that is not what it should be; the message names the input, the place and the reason in words. */
public final class InvalidJsonException extends IllegalArgumentException {

    public InvalidJsonException(String message) {
        super(message);
    }
}
