package dev.djlfit.torch;

import ai.djl.pytorch.jni.JniUtils;

/**
 * {@code with torch.no_grad():} / {@code with torch.enable_grad():} as a try-with-resources
 * block: sets libtorch's grad mode for the calling thread and restores the previous one when
 * closed. PyTorch's grad mode is per thread, and so is this (DJL's {@code GradientCollector}
 * allows one per process, which is why the kit does not use it).
 *
 * <pre>
 * with torch.no_grad():                 try (GradMode g = Torch.noGrad()) {
 *     a -= learning_rate * a.grad           a.subi(a.getGradient().mul(lr));
 *                                       }
 * </pre>
 */
public final class GradMode implements AutoCloseable {

    private final boolean previous;

    GradMode(boolean enabled) {
        Torch.ensureEngine();
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
    }

    /** {@code torch.is_grad_enabled()} on this thread. */
    public static boolean isEnabled() {
        Torch.ensureEngine();
        return JniUtils.isGradMode();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
