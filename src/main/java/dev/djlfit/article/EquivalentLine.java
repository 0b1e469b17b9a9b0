package dev.djlfit.article;

import dev.djlfit.torch.TensorValues;

import java.util.Locale;
import java.util.Map;

/**
 * The single line a stack of linear layers collapses to. For two layers,
 * {@code y = W2·(W1·x + b1) + b2 = (W2·W1)·x + (W2·b1 + b2)}: the article's "evidently, the line it
 * has learned is y = 11x − 2", computed from the parameters rather than read off the predictions.
 *
 * @param slope W2·W1
 * @param intercept W2·b1 + b2
 */
public record EquivalentLine(double slope, double intercept) {

    /** Folds layer after layer: (slope, intercept) of x ↦ W·(slope·x + intercept) + b. */
    public static EquivalentLine of(Architecture architecture, Map<String, TensorValues> parameters) {
        if (architecture.activation().isPresent()) {
            throw new IllegalArgumentException("only a net without activations collapses to a line");
        }
        if (architecture.inFeatures(0) != 1 || architecture.outFeatures(architecture.layerCount() - 1) != 1) {
            throw new IllegalArgumentException("only a net with one input and one output is a line");
        }
        double[] slope = {1};
        double[] intercept = {0};
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            TensorValues w = parameters.get(Architecture.weightName(layer));
            TensorValues b = parameters.get(Architecture.biasName(layer));
            int out = architecture.outFeatures(layer);
            int in = architecture.inFeatures(layer);
            double[] nextSlope = new double[out];
            double[] nextIntercept = new double[out];
            for (int o = 0; o < out; o++) {
                nextIntercept[o] = b.get(o);
                for (int i = 0; i < in; i++) {
                    nextSlope[o] += w.get(o, i) * slope[i];
                    nextIntercept[o] += w.get(o, i) * intercept[i];
                }
            }
            slope = nextSlope;
            intercept = nextIntercept;
        }
        return new EquivalentLine(slope[0], intercept[0]);
    }

    public double at(double x) {
        return slope * x + intercept;
    }

    /** {@code y = 11.0000x - 2.0000}. */
    public String describe() {
        return String.format(Locale.ROOT, "y = %.4fx %s %.4f",
                slope, intercept < 0 ? "-" : "+", Math.abs(intercept));
    }
}
