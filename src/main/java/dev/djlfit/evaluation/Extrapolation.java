package dev.djlfit.evaluation;

import dev.djlfit.data.Truth;

import java.util.ArrayList;
import java.util.List;

/** Measures a trained net against the truth: at probe points and as RMSE over two ranges. */
public final class Extrapolation {

    /** The article's two new inputs: "the model should also produce (2.5, 6) and (10, 21)". */
    public static final float[] ARTICLE_PROBES = {2.5f, 10f};

    private final float[] probes;
    private final Range interpolation;
    private final Range extrapolation;

    public Extrapolation(float[] probes, Range interpolation, Range extrapolation) {
        this.probes = probes.clone();
        this.interpolation = interpolation;
        this.extrapolation = extrapolation;
    }

    /** The article's setting: probes 2.5 and 10, data over 0 ≤ x ≤ 3, beyond it 3 &lt; x ≤ 10. */
    public static Extrapolation article() {
        return new Extrapolation(ARTICLE_PROBES, new Range(0, 3, true), new Range(3, 10, false));
    }

    public float[] probes() {
        return probes.clone();
    }

    public ExtrapolationReport evaluate(Truth truth, Predictor net) {
        float[] predicted = net.predict(probes);
        List<PointError> errors = new ArrayList<>();
        for (int i = 0; i < probes.length; i++) {
            errors.add(new PointError(probes[i], truth.at(probes[i]), predicted[i]));
        }
        return new ExtrapolationReport(
                truth.formula(),
                errors,
                interpolation,
                rmse(truth, net, interpolation),
                extrapolation,
                rmse(truth, net, extrapolation));
    }

    static double rmse(Truth truth, Predictor net, Range range) {
        float[] xs = range.grid(Range.GRID_POINTS);
        float[] ys = net.predict(xs);
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            double d = ys[i] - truth.at(xs[i]);
            sum += d * d;
        }
        return Math.sqrt(sum / xs.length);
    }
}
