package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switches, per thread, as PyTorch itself has them. The one place that
 * reaches below DJL's public API, for two reasons:
 * <ul>
 *   <li>DJL's {@code GradientCollector} allows one collector per process; experiments running
 *       on several threads each need their own recording (PyTorch's grad mode is per thread).
 *   <li>{@code torch.no_grad()} has no public DJL counterpart outside a collector.
 * </ul>
 */
public final class Autograd {

    private Autograd() {}

    /** A grad-mode setting that restores the previous one when closed. */
    public static final class Mode implements AutoCloseable {
        private final boolean previous;

        private Mode(boolean enabled) {
            previous = JniUtils.isGradMode();
            JniUtils.setGradMode(enabled);
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }

    /** {@code torch.set_grad_enabled(True)} for this thread until closed. */
    public static Mode enableGrad() {
        return new Mode(true);
    }

    /** {@code with torch.no_grad():} for this thread until closed. */
    public static Mode noGrad() {
        return new Mode(false);
    }

    /**
     * {@code loss.backward()}: accumulates d(loss)/d(parameter) into every parameter's gradient.
     *
     * @param loss a scalar
     * @param one a scalar 1 on the loss's device, created once by the caller
     */
    public static void backward(NDArray loss, NDArray one) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) one, false, false);
    }

    /** The name PyTorch prints as {@code grad_fn}, e.g. {@code AddmmBackward0}; empty if none. */
    public static String gradFnName(NDArray result) {
        String name = JniUtils.getGradientFunctionNames((PtNDArray) result);
        return name == null ? "" : name;
    }

    /** {@code p.grad.zero_()}, under no-grad, without wrapping the gradient in a new NDArray. */
    public static void zeroGrad(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }
}
