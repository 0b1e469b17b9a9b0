package dev.djlfit.article;

import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds experiment specs, and lists the article's four. */
public final class Experiments {

    public static final int ARTICLE_HIDDEN = Article.HIDDEN;

    /** The deep net's note: the article's l2 cannot run; what this port uses, at the width it runs. */
    public static String deepNetFix(int hidden) {
        return "the article declares l2 = Linear(10, 1) feeding l3 = Linear(10, 1), which cannot run"
                + " (l3 expects 10 inputs); fixed here as l2 = Linear(" + hidden + ", " + hidden + ")";
    }

    private Experiments() {}

    public static ExperimentSpec of(ModelKind model, DataPoints data, int hidden, Nonlinearity activation) {
        String name = model.id() + "-" + data.name();
        String title = switch (model) {
            case LINEAR -> "linear net";
            case TANH -> activation.id() + " net";
            case DEEP -> "deep " + activation.id() + " net";
        };
        String note = model == ModelKind.DEEP ? deepNetFix(hidden) : "";
        return new ExperimentSpec(
                name,
                title + " " + model.architecture(hidden, activation).describe() + " on the " + data.name() + " data",
                model.architecture(hidden, activation),
                data,
                note);
    }

    /** The article's four experiments, in its order ({@link Article#EXPERIMENTS}). */
    public static List<ExperimentSpec> article() {
        return Article.EXPERIMENTS.stream()
                .map(e -> of(e.model(), e.data(), ARTICLE_HIDDEN, Nonlinearity.TANH))
                .toList();
    }

    /**
     * The experiment called {@code <model>-<data>}, e.g. {@code tanh-quadratic}: the names
     * {@link #of} gives, which the JSON documents and the PyTorch reference script use.
     *
     * @throws IllegalArgumentException naming the valid names, if {@code name} is none of them
     */
    public static ExperimentSpec named(String name, int hidden, Nonlinearity activation) {
        for (ModelKind model : ModelKind.values()) {
            for (ArticleData data : ArticleData.values()) {
                if ((model.id() + "-" + data.id()).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return of(model, data.dataset(), hidden, activation);
                }
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "'; the experiments are " + String.join(", ", names()));
    }

    /** Every {@code <model>-<data>} name {@link #named} accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ModelKind model : ModelKind.values()) {
            for (ArticleData data : ArticleData.values()) {
                names.add(model.id() + "-" + data.id());
            }
        }
        return names;
    }
}
