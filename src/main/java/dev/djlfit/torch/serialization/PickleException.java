package dev.djlfit.torch.serialization;

/** A pickle that cannot be read: the message says what is wrong, in words, without the file's name. */
final class PickleException extends Exception {

    PickleException(String message) {
        super(message);
    }
}
