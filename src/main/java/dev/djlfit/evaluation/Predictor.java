package dev.djlfit.evaluation;

/** A trained function: predictions for a batch of inputs. */
@FunctionalInterface
public interface Predictor {
    float[] predict(float[] x);
}
