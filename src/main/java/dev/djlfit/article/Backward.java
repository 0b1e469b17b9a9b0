package dev.djlfit.article;

import java.util.Locale;

/**
 * How the gradients are computed: PyTorch's autograd (the article's way, {@code Article.train}),
 * or written out ({@link HandWrittenBackward}).
 */
public enum Backward {
    /** {@code loss.backward()}: the engine records the forward pass and differentiates it. */
    AUTOGRAD,
    /** The chain rule written out for these nets: no graph, fewer engine calls. */
    MANUAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
