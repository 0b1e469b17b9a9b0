package dev.djlfit.extrapolation;

import java.util.function.DoubleUnaryOperator;

/**
 * The function a data set was sampled from, when it is known: the yardstick for extrapolation.
 *
 * @param formula how a person would write it, e.g. {@code 3x^2 + 2x + 1}
 * @param function the same, as code
 */
public record Truth(String formula, DoubleUnaryOperator function) {

    public double at(double x) {
        return function.applyAsDouble(x);
    }
}
