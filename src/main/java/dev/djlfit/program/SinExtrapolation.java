package dev.djlfit.program;

import dev.djlfit.extrapolation.PointError;

import java.util.List;

/**
 * How a fit of sin(x) on −π ≤ x ≤ π follows sin beyond it: the article's extrapolation question
 * asked of the tutorials' cubics.
 *
 * @param probes prediction against sin at points outside the data (±3π/2, ±2π)
 * @param insideRmse RMSE against sin over −π ≤ x ≤ π
 * @param outsideRmse RMSE against sin over π &lt; |x| ≤ 2π
 * @param model what was evaluated, e.g. {@code a + b x + c x^2 + d x^3}
 */
public record SinExtrapolation(List<PointError> probes, double insideRmse, double outsideRmse, String model) {

    public SinExtrapolation {
        probes = List.copyOf(probes);
    }
}
