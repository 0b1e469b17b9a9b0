package dev.djlfit.cli;

import dev.djlfit.article.Experiments;
import dev.djlfit.article.Nonlinearity;
import picocli.CommandLine.Option;

/** A net's activation and hidden width: {@code --activation}, {@code --hidden}. */
public final class ShapeOptions {

    @Option(names = "--activation", paramLabel = "ACT",
            description = "Activation of the tanh and deep models: tanh, sigmoid or relu (default: tanh).")
    Nonlinearity activation = Nonlinearity.TANH;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Hidden layer width (default: ${DEFAULT-VALUE}, the article's).")
    int hidden = Experiments.ARTICLE_HIDDEN;

    public Nonlinearity activation() {
        return activation;
    }

    public int hidden() {
        return OptionChecks.width("--hidden", hidden);
    }
}
