package dev.djlfit.sweep;

/**
 * One net of a sweep after training.
 *
 * @param seed its seed
 * @param finalLoss MSE on the training points after training (NaN if it diverged)
 * @param fitted whether that loss is below the sweep's threshold
 * @param probes its predictions at the sweep's probe points (the article's 2.5 and 10)
 * @param interpolationRmse RMSE against the truth over the interpolation range (NaN without a truth)
 * @param extrapolationRmse RMSE against the truth over the extrapolation range (NaN without a truth)
 * @param curve its predictions over the sweep's curve grid ({@link SweepResult#curveX()})
 */
public record SeedOutcome(
        int seed,
        double finalLoss,
        boolean fitted,
        double[] probes,
        double interpolationRmse,
        double extrapolationRmse,
        float[] curve) {

    public SeedOutcome {
        probes = probes.clone();
        curve = curve.clone();
    }

    @Override
    public double[] probes() {
        return probes.clone();
    }

    @Override
    public float[] curve() {
        return curve.clone();
    }
}
