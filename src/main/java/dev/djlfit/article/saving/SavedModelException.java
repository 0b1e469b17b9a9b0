package dev.djlfit.article.saving;

/** A saved model that cannot be written or read as asked; the message names the directory and the problem. */
public final class SavedModelException extends IllegalArgumentException {

    public SavedModelException(String message) {
        super(message);
    }

    public SavedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
