package dev.djlfit.program;

import dev.djlfit.extrapolation.Truth;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.FittedFunction;
import dev.djlfit.extrapolation.Range;

/**
 * The article's extrapolation question asked of a sin fit: the error at ±3π/2 and ±2π, and the
 * RMSE against sin over the data (−π ≤ x ≤ π) and as far again on each side (π &lt; |x| ≤ 2π),
 * measured with the article's {@link Extrapolation} (the left side as the mirror image of the right).
 */
public final class SinFitEvaluation {

    private static final float[] PROBES = {(float) (-2 * Math.PI), (float) (-1.5 * Math.PI),
        (float) (1.5 * Math.PI), (float) (2 * Math.PI)};
    private static final Range INSIDE = new Range(-Math.PI, Math.PI, true);
    private static final Range RIGHT = new Range(Math.PI, 2 * Math.PI, false);
    private static final Truth SIN = new Truth("sin(x)", Math::sin);
    private static final Truth SIN_MIRRORED = new Truth("sin(-x)", x -> Math.sin(-x));

    private SinFitEvaluation() {}

    public static ExtrapolationSummary evaluate(SinFit fit) {
        Extrapolation questions = new Extrapolation(PROBES, INSIDE, RIGHT);
        ExtrapolationReport right = questions.evaluate(SIN, predictor(fit, 1));
        ExtrapolationReport left = questions.evaluate(SIN_MIRRORED, predictor(fit, -1));
        double outside = Math.sqrt((square(right.extrapolationRmse()) + square(left.extrapolationRmse())) / 2);
        return new ExtrapolationSummary(SIN.formula(), fit.model(), right.probes(), right.interpolationRmse(),
                "-pi <= x <= pi", outside, "pi < |x| <= 2 pi");
    }

    private static FittedFunction predictor(SinFit fit, int sign) {
        return xs -> {
            float[] ys = new float[xs.length];
            for (int i = 0; i < xs.length; i++) {
                ys[i] = (float) fit.at(sign * (double) xs[i]);
            }
            return ys;
        };
    }

    private static double square(double v) {
        return v * v;
    }
}
