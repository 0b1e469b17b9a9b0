package dev.djlfit.article.data;

/**
 * Input and output standardisation ({@code --normalize}): the net sees
 * {@code (x - xMean) / xScale} and learns {@code (y - yMean) / yScale}; predictions are mapped
 * back, so everything the user reads is in the data's own units. The identity leaves the
 * article's numbers the article's.
 */
public record Scaling(double xMean, double xScale, double yMean, double yScale) {

    public static final Scaling IDENTITY = new Scaling(0, 1, 0, 1);

    public Scaling {
        if (!(xScale > 0) || !(yScale > 0) || !Double.isFinite(xScale) || !Double.isFinite(yScale)
                || !Double.isFinite(xMean) || !Double.isFinite(yMean)) {
            throw new IllegalArgumentException("scaling needs finite means and positive scales: "
                    + xMean + ", " + xScale + ", " + yMean + ", " + yScale);
        }
        // standardised 32-bit data gives nothing else; beyond it the net's outputs overflow to Infinity
        for (double v : new double[] {xMean, xScale, yMean, yScale}) {
            if (Math.abs(v) > Float.MAX_VALUE) {
                throw new IllegalArgumentException("scaling " + xMean + ", " + xScale + ", " + yMean + ", " + yScale
                        + " is beyond 32-bit floats (at most about 3.4e38)");
            }
        }
        if (xScale < Float.MIN_NORMAL || yScale < Float.MIN_NORMAL) {
            throw new IllegalArgumentException("scaling " + xScale + ", " + yScale + " is too small for 32-bit floats");
        }
    }

    /** Mean and (population) standard deviation of x and of y; a constant y keeps scale 1. */
    public static Scaling standardise(DataPoints data) {
        float[] x = data.x();
        float[] y = data.y();
        double xMean = mean(x);
        double yMean = mean(y);
        return new Scaling(xMean, scale(x, xMean), yMean, scale(y, yMean));
    }

    /** What {@code --normalize} (or its absence) means for this data. */
    public static Scaling of(DataPoints data, boolean normalize) {
        return normalize ? standardise(data) : IDENTITY;
    }

    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    public float[] scaleX(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - xMean) / xScale);
        }
        return out;
    }

    public float[] scaleY(float[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) ((y[i] - yMean) / yScale);
        }
        return out;
    }

    public float[] unscaleY(float[] scaled) {
        float[] out = new float[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = (float) (scaled[i] * yScale + yMean);
        }
        return out;
    }

    /** A loss measured on scaled outputs, in the data's squared units. */
    public double unscaleLoss(double scaledMse) {
        return scaledMse * yScale * yScale;
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        return sum / v.length;
    }

    private static double scale(float[] v, double mean) {
        double sum = 0;
        for (float f : v) {
            double d = f - mean;
            sum += d * d;
        }
        double std = Math.sqrt(sum / v.length);
        return std > 0 && Double.isFinite(std) ? std : 1;
    }
}
