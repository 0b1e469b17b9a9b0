package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import dev.djlfit.model.Net;

import java.util.Locale;

/** How the gradients are computed: PyTorch's autograd (the article's way), or written out. */
public enum Backward {
    /** {@code loss.backward()}: the engine records the forward pass and differentiates it. */
    AUTOGRAD {
        @Override
        public TrainingRun train(Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
            return new TrainingLoop().run(fit, x, y, config, listener);
        }
    },
    /** The chain rule written out for these nets ({@link HandWrittenBackward}): no graph, fewer engine calls. */
    MANUAL {
        @Override
        public TrainingRun train(Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
            return HandWrittenBackward.train(fit, x, y, config, listener);
        }
    };

    public abstract TrainingRun train(
            Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
