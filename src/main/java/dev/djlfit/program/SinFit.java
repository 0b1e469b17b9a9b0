package dev.djlfit.program;

import java.util.function.DoubleUnaryOperator;

/**
 * A trained fit of sin(x), as a function of x (in double precision, from the float32 parameters).
 *
 * @param model what it computes, e.g. {@code a + b x + c x^2 + d x^3}
 */
public record SinFit(String model, DoubleUnaryOperator function) {

    public double at(double x) {
        return function.applyAsDouble(x);
    }

    /** {@code a + b x + c x^2 + d x^3}. */
    public static SinFit cubic(double a, double b, double c, double d) {
        return new SinFit("a + b x + c x^2 + d x^3", x -> a + b * x + c * x * x + d * x * x * x);
    }
}
