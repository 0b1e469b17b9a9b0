package dev.djlfit.torch;

import ai.djl.ndarray.NDScope;

/**
 * One step of a loop as try-with-resources: every array made while it is open is freed when it
 * closes, and this thread's {@link Function} tape forgets what they held. Made by
 * {@link Torch#stepScope()}; {@link Torch#step(Runnable)} runs its body in one.
 */
public final class StepScope implements AutoCloseable {

    private final NDScope arrays;

    StepScope() {
        arrays = new NDScope();
    }

    @Override
    public void close() {
        try {
            arrays.close();
        } finally {
            Tape.prune();
        }
    }
}
