package dev.djlfit.article;

import ai.djl.ndarray.NDArray;
import dev.djlfit.torch.optim.Adam;
import dev.djlfit.torch.optim.Optimizer;
import dev.djlfit.torch.optim.SGD;

import java.util.List;
import java.util.Locale;

/** The optimizers {@code --optimizer} offers. */
public enum OptimizerKind {
    /** {@code torch.optim.SGD(params, lr)}: the article's. */
    SGD(0.01f) {
        @Override
        public Optimizer create(List<NDArray> parameters, float learningRate) {
            return new SGD(parameters, learningRate);
        }
    },
    /** {@code torch.optim.Adam(params, lr)} with its defaults: betas (0.9, 0.999), eps 1e-8. */
    ADAM(0.001f) {
        @Override
        public Optimizer create(List<NDArray> parameters, float learningRate) {
            return new Adam(parameters, learningRate);
        }
    };

    private final float defaultLearningRate;

    OptimizerKind(float defaultLearningRate) {
        this.defaultLearningRate = defaultLearningRate;
    }

    /** The kit's optimizer of this kind over {@code parameters}; its state lives on their manager. */
    public abstract Optimizer create(List<NDArray> parameters, float learningRate);

    /** The article's 0.01 for SGD; PyTorch's default 0.001 for Adam. */
    public float defaultLearningRate() {
        return defaultLearningRate;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How reports name it: {@code SGD}, {@code Adam}. */
    public String title() {
        return this == SGD ? "SGD" : "Adam";
    }

    /** The command line's spelling, so that picocli lists the choices as users type them. */
    @Override
    public String toString() {
        return id();
    }
}
