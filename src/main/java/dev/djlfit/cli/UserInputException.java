package dev.djlfit.cli;

/** Input the user gave that cannot be used; the message says what and where. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
