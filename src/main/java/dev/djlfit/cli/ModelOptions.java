package dev.djlfit.cli;

import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.ModelKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which net: {@code --model}, and its shape ({@code --activation}, {@code --hidden}). */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The net: linear (1→H→1, no activation), tanh (1→H→act→1) or deep"
                    + " (1→H→act→H→act→1) (default: tanh).")
    ModelKind model = ModelKind.TANH;

    @Mixin
    ShapeOptions shape = new ShapeOptions();

    public ModelKind model() {
        return model;
    }

    public Nonlinearity activation() {
        return shape.activation();
    }

    public int hidden() {
        return shape.hidden();
    }
}
