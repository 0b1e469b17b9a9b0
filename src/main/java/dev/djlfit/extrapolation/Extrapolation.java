package dev.djlfit.extrapolation;


import java.util.ArrayList;
import java.util.List;

/** Measures a trained net against the truth: at probe points and as RMSE over two ranges. */
public final class Extrapolation {

    /** The article's two new inputs: "the model should also produce (2.5, 6) and (10, 21)". */
    public static final float[] ARTICLE_PROBES = {2.5f, 10f};

    /** The article's curve for plots: −1 to 11, so that 2.5 and 10 are in view. */
    public static final Range ARTICLE_CURVE = new Range(-1, 11, true);

    private final float[] probes;
    private final Range interpolation;
    private final Range extrapolation;
    private final Range curve;

    public Extrapolation(float[] probes, Range interpolation, Range extrapolation, Range curve) {
        if (probes.length == 0) {
            throw new IllegalArgumentException("at least one probe point is needed");
        }
        this.probes = probes.clone();
        this.interpolation = interpolation;
        this.extrapolation = extrapolation;
        this.curve = curve;
    }

    public Extrapolation(float[] probes, Range interpolation, Range extrapolation) {
        this(probes, interpolation, extrapolation, ARTICLE_CURVE);
    }

    /** The article's setting: probes 2.5 and 10, data over 0 ≤ x ≤ 3, beyond it 3 &lt; x ≤ 10. */
    public static Extrapolation article() {
        return new Extrapolation(ARTICLE_PROBES, new Range(0, 3, true), new Range(3, 10, false));
    }

    /**
     * The same questions for any data: interpolation over the data's x (min ≤ x ≤ max),
     * extrapolation as far again beyond it (max &lt; x ≤ max + (max − min)), probes in the middle
     * of the data and at the far end; each can be given instead.
     *
     * @param interpolationOrNull the interpolation range, or null for the data's
     * @param extrapolationOrNull the extrapolation range, or null for the default
     * @param probesOrNull the probe points, or null for the default
     */
    public static Extrapolation forData(
            double minX, double maxX, Range interpolationOrNull, Range extrapolationOrNull, float[] probesOrNull) {
        double span = maxX - minX;
        Range interpolation = interpolationOrNull != null ? interpolationOrNull : new Range(minX, maxX, true);
        Range extrapolation = extrapolationOrNull != null
                ? extrapolationOrNull
                : new Range(interpolation.to(), interpolation.to() + (interpolation.to() - interpolation.from()), false);
        float[] probes = probesOrNull != null
                ? probesOrNull
                : new float[] {(float) ((interpolation.from() + interpolation.to()) / 2), (float) extrapolation.to()};
        double from = Math.min(Math.min(minX, interpolation.from()), extrapolation.from());
        double to = Math.max(Math.max(maxX, interpolation.to()), extrapolation.to());
        for (float p : probes) {
            from = Math.min(from, p);
            to = Math.max(to, p);
        }
        double margin = Math.max(span, to - from) / 20;
        return new Extrapolation(probes, interpolation, extrapolation, new Range(from - margin, to + margin, true));
    }

    public float[] probes() {
        return probes.clone();
    }

    public Range interpolation() {
        return interpolation;
    }

    public Range extrapolation() {
        return extrapolation;
    }

    /** Where the learned function is sampled for plots: the data, the ranges and the probes. */
    public Range curve() {
        return curve;
    }

    /** Every x at which {@link #evaluate} asks the truth: it must be defined at all of them. */
    public float[] evaluationPoints() {
        float[] a = interpolation.grid(Range.GRID_POINTS);
        float[] b = extrapolation.grid(Range.GRID_POINTS);
        float[] all = new float[probes.length + a.length + b.length];
        System.arraycopy(probes, 0, all, 0, probes.length);
        System.arraycopy(a, 0, all, probes.length, a.length);
        System.arraycopy(b, 0, all, probes.length + a.length, b.length);
        return all;
    }

    public ExtrapolationReport evaluate(Truth truth, FittedFunction net) {
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

    static double rmse(Truth truth, FittedFunction net, Range range) {
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
