package dev.djlfit.article.data;

/** Training points sampled from a formula; the formula is also their truth. */
public final class FormulaData {

    private FormulaData() {}

    public static DataPoints sample(Formula formula, float[] xs, String xOption) {
        DataChecks.requireFittable(xs, xOption);
        float[] ys = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = formula.finiteAt(xs[i]);
        }
        return new DataPoints("formula", xs, ys, formula.truth());
    }
}
