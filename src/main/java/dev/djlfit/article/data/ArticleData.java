package dev.djlfit.article.data;

import dev.djlfit.extrapolation.Truth;
import java.util.Locale;

/** The article's two training sets, four points each. */
public enum ArticleData {
    /** {@code data = [ [0,1], [1,3], [2,5], [3,7] ]}, sampled from y = 2x + 1. */
    LINEAR(new Truth("2x + 1", x -> 2 * x + 1)),
    /**
     * {@code data = [ [0,1], [1,6], [2,17], [3,34] ]}, sampled from y = 3x² + 2x + 1 (the article
     * writes "3x^2 + 2x^2 + 1", a typo: its own points fit 3x² + 2x + 1).
     */
    QUADRATIC(new Truth("3x^2 + 2x + 1", x -> 3 * x * x + 2 * x + 1));

    private static final float[] ARTICLE_X = {0, 1, 2, 3};

    private final Truth truth;

    ArticleData(Truth truth) {
        this.truth = truth;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Truth truth() {
        return truth;
    }

    public DataPoints dataset() {
        float[] y = new float[ARTICLE_X.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) truth.at(ARTICLE_X[i]);
        }
        return new DataPoints(id(), ARTICLE_X, y, truth);
    }
}
