package dev.djlfit.article.data;

/**
 * Data the user gave that cannot be used: the message names the problem and where it is (file and
 * line, option and value), ready to be shown as it is.
 */
public final class InvalidDataException extends IllegalArgumentException {

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
