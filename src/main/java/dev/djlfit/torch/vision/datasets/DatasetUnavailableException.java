package dev.djlfit.torch.vision.datasets;

/**
 * A dataset's files are missing or damaged. The message is one line that says what to install
 * or pass, fit to print as it is before exiting with status 2.
 */
public final class DatasetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetUnavailableException(String message) {
        super(message);
    }
}
