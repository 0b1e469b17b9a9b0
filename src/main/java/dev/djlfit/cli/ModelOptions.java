package dev.djlfit.cli;

import dev.djlfit.experiment.Experiments;
import dev.djlfit.model.Activation;
import dev.djlfit.model.Architecture;
import dev.djlfit.model.ModelKind;
import picocli.CommandLine.Option;

/** Which net: {@code --model}, {@code --activation}, {@code --hidden}. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The net: linear (1→H→1, no activation), tanh (1→H→act→1) or deep"
                    + " (1→H→act→H→act→1) (default: tanh).")
    ModelKind model = ModelKind.TANH;

    @Option(names = "--activation", paramLabel = "ACT",
            description = "Activation of the tanh and deep models: tanh, sigmoid or relu (default: tanh).")
    Activation activation = Activation.TANH;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Hidden layer width (default: ${DEFAULT-VALUE}, the article's).")
    int hidden = Experiments.ARTICLE_HIDDEN;

    public ModelKind model() {
        return model;
    }

    public Activation activation() {
        return activation;
    }

    public int hidden() {
        if (hidden <= 0) {
            throw new UserInputException("--hidden must be a positive whole number, got " + hidden);
        }
        return hidden;
    }

    public Architecture architecture() {
        return model.architecture(hidden(), activation);
    }
}
