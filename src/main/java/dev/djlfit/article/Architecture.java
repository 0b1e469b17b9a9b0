package dev.djlfit.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a fully connected net: layer widths from input to output, and the activation
 * applied after every layer but the last (none for the article's purely linear net).
 *
 * @param widths e.g. {@code [1, 10, 1]} for the article's two-layer net
 * @param activationOrNull the activation between layers, or null for none
 */
public record Architecture(int[] widths, Nonlinearity activationOrNull) {

    public Architecture {
        if (widths.length < 2) {
            throw new IllegalArgumentException("a net needs at least an input and an output width");
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("layer widths must be positive: " + Arrays.toString(widths));
            }
        }
        widths = widths.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    public Optional<Nonlinearity> activation() {
        return Optional.ofNullable(activationOrNull);
    }

    public int layerCount() {
        return widths.length - 1;
    }

    public int inFeatures(int layer) {
        return widths[layer];
    }

    public int outFeatures(int layer) {
        return widths[layer + 1];
    }

    /** PyTorch's {@code state_dict} names, in PyTorch's order: l1.weight, l1.bias, l2.weight, ... */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < layerCount(); layer++) {
            names.add(weightName(layer));
            names.add(biasName(layer));
        }
        return names;
    }

    /** Per-layer weights and biases as PyTorch lists them: l1.weight, l1.bias, l2.weight, ... */
    public static <T> List<T> inTorchOrder(List<T> weights, List<T> biases) {
        List<T> all = new ArrayList<>();
        for (int layer = 0; layer < weights.size(); layer++) {
            all.add(weights.get(layer));
            all.add(biases.get(layer));
        }
        return all;
    }

    /** {@code l1}, {@code l2}, ...: the article's attribute names, hence its state_dict names. */
    public static String layerName(int layer) {
        return "l" + (layer + 1);
    }

    public static String weightName(int layer) {
        return layerName(layer) + ".weight";
    }

    public static String biasName(int layer) {
        return layerName(layer) + ".bias";
    }

    /** e.g. {@code 1→10→tanh→10→tanh→1}. */
    public String describe() {
        StringBuilder out = new StringBuilder().append(widths[0]);
        for (int layer = 0; layer < layerCount(); layer++) {
            out.append('→').append(widths[layer + 1]);
            if (activationOrNull != null && layer < layerCount() - 1) {
                out.append('→').append(activationOrNull.id());
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Architecture a
                && Arrays.equals(widths, a.widths)
                && activationOrNull == a.activationOrNull;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + (activationOrNull == null ? 0 : activationOrNull.hashCode());
    }

    @Override
    public String toString() {
        return describe();
    }
}
