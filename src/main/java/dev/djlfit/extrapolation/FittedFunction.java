package dev.djlfit.extrapolation;

/** A trained function: predictions for a batch of inputs. */
@FunctionalInterface
public interface FittedFunction {
    float[] predict(float[] x);
}
