package dev.djlfit.torch.serialization;

/**
 * A {@code .pth} file that cannot be read or written, said in one line in the user's words
 * (the file, what is wrong, what to do), fit for a command line to print as it is.
 */
public final class PthFileException extends RuntimeException {

    public PthFileException(String message) {
        super(message);
    }

    public PthFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
