package dev.djlfit.article.data;

/** What any training set must satisfy to be fitted at all, wherever it came from. */
public final class DataChecks {

    private DataChecks() {}

    /**
     * @param source how to name the data in a message, e.g. {@code data file points.csv}
     */
    public static void requireFittable(float[] x, String source) {
        if (x.length < 2) {
            throw new InvalidDataException(source + " has " + x.length + " point" + (x.length == 1 ? "" : "s")
                    + "; at least 2 are needed to fit a function");
        }
        for (float v : x) {
            if (v != x[0]) {
                return;
            }
        }
        throw new InvalidDataException(source + ": all " + x.length + " points have x = " + Numbers.show(x[0])
                + "; x must vary to fit a function of x");
    }
}
