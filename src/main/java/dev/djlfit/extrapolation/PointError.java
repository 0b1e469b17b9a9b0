package dev.djlfit.extrapolation;

/**
 * A prediction at one x against the true value there.
 *
 * @param x the input
 * @param truth the true function's value
 * @param prediction the net's output
 */
public record PointError(double x, double truth, double prediction) {

    public double absoluteError() {
        return Math.abs(prediction - truth);
    }

    /** |prediction − truth| / |truth|; infinite where the truth is 0 and the prediction is not. */
    public double relativeError() {
        return absoluteError() / Math.abs(truth);
    }
}
