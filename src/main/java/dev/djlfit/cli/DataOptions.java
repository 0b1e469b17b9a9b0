package dev.djlfit.cli;

import dev.djlfit.data.ArticleData;
import dev.djlfit.data.Dataset;
import picocli.CommandLine.Option;

/** Which training data: {@code --data}. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DATA",
            description = "Training data: linear (y = 2x + 1) or quadratic (y = 3x² + 2x + 1),"
                    + " the article's four points each (default: quadratic).")
    ArticleData data = ArticleData.QUADRATIC;

    public Dataset dataset() {
        return data.dataset();
    }
}
