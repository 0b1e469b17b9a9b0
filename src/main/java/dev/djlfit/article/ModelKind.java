package dev.djlfit.article;

import java.util.Locale;

/** The article's three nets, by the names the command line uses. */
public enum ModelKind {
    /** Two {@code Linear} layers, 1→hidden→1, nothing between them: still a straight line. */
    LINEAR,
    /** The same two layers with {@code torch.tanh} (or another activation) between them. */
    TANH,
    /**
     * Three layers, 1→hidden→hidden→1, an activation after each of the first two. The article
     * declares {@code l2 = Linear(10, 1)} feeding {@code l3 = Linear(10, 1)}, which cannot run
     * (l3 expects 10 inputs and gets 1); this port uses {@code l2 = Linear(10, 10)}.
     */
    DEEP;

    public Architecture architecture(int hidden, Nonlinearity activation) {
        return switch (this) {
            case LINEAR -> new Architecture(new int[] {1, hidden, 1}, null);
            case TANH -> new Architecture(new int[] {1, hidden, 1}, activation);
            case DEEP -> new Architecture(new int[] {1, hidden, hidden, 1}, activation);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command line's spelling, so that picocli lists the choices as users type them. */
    @Override
    public String toString() {
        return id();
    }
}
