package dev.djlfit.extrapolation;

import java.util.List;

/**
 * How well a trained net follows the true function inside and outside its training data.
 *
 * @param truthFormula the true function, as written
 * @param probes prediction against truth at the probe points (the article's 2.5 and 10)
 * @param interpolation the range the training x covers
 * @param interpolationRmse RMSE against the truth over that range
 * @param extrapolation the range beyond the data
 * @param extrapolationRmse RMSE against the truth over that range
 */
public record ExtrapolationReport(
        String truthFormula,
        List<PointError> probes,
        Range interpolation,
        double interpolationRmse,
        Range extrapolation,
        double extrapolationRmse) {

    public ExtrapolationReport {
        probes = List.copyOf(probes);
    }

    public PointError probe(double x) {
        return probes.stream()
                .filter(p -> p.x() == x)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no probe at x = " + x));
    }
}
