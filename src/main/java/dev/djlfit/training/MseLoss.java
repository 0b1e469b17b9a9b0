package dev.djlfit.training;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.nn.MSELoss()}: the mean of the squared errors. DJL's {@code L2Loss} is not the
 * same: it halves the mean (and multiplies by a Java-side scalar inside the gradient graph).
 */
public final class MseLoss {

    public NDArray apply(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    /** The same on plain numbers, in double. */
    public static double of(float[] prediction, float[] target) {
        double sum = 0;
        for (int i = 0; i < prediction.length; i++) {
            double d = (double) prediction[i] - target[i];
            sum += d * d;
        }
        return sum / prediction.length;
    }
}
