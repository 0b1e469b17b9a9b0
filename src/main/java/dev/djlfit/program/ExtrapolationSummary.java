package dev.djlfit.program;

import dev.djlfit.extrapolation.PointError;

import java.util.List;

/**
 * How a trained function follows the truth beyond its data, as a trace holds it: the article's
 * extrapolation question, asked of the article's nets and of the tutorials' fits of sin alike.
 *
 * @param truth the true function, e.g. {@code sin(x)} or {@code 3x^2 + 2x + 1}; empty if the trace did not say
 * @param model what was evaluated, e.g. {@code a + b x + c x^2 + d x^3} or {@code net 1→8→tanh→1}
 * @param probes prediction against the truth at points outside the data (±3π/2, ±2π; the article's 2.5, 10)
 * @param insideRmse RMSE against the truth over the data's range
 * @param inside that range, e.g. {@code -pi <= x <= pi}; empty if the trace did not say
 * @param outsideRmse RMSE against the truth beyond it
 * @param outside that range, e.g. {@code pi < |x| <= 2 pi}; empty if the trace did not say
 */
public record ExtrapolationSummary(String truth, String model, List<PointError> probes, double insideRmse,
        String inside, double outsideRmse, String outside) {

    public ExtrapolationSummary {
        probes = List.copyOf(probes);
    }
}
