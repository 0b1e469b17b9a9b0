package dev.djlfit.article;

import ai.djl.ndarray.NDArray;

import java.util.Locale;

/** The three activation functions the article names; {@code torch.tanh} is its choice. */
public enum Nonlinearity {
    TANH {
        @Override
        public NDArray apply(NDArray x) {
            return ai.djl.nn.Activation.tanh(x);
        }

        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }
    },
    SIGMOID {
        @Override
        public NDArray apply(NDArray x) {
            return ai.djl.nn.Activation.sigmoid(x);
        }

        @Override
        public double apply(double x) {
            return 1 / (1 + Math.exp(-x));
        }
    },
    RELU {
        @Override
        public NDArray apply(NDArray x) {
            return ai.djl.nn.Activation.relu(x);
        }

        @Override
        public double apply(double x) {
            return Math.max(0, x);
        }
    };

    public abstract NDArray apply(NDArray x);

    /** The same function on one number, for checks written in plain Java. */
    public abstract double apply(double x);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command line's spelling, so that picocli lists the choices as users type them. */
    @Override
    public String toString() {
        return id();
    }
}
