package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.OptimizerKind;
import dev.djlfit.article.TrainingSettings;

import java.nio.file.Path;
import java.util.List;

/** The two pictures of one experiment: its fit and its loss curve. */
public final class ExperimentPlots {

    private ExperimentPlots() {}

    /** The names {@link #write} gives its files, known before the run. */
    public static List<String> fileNames(ExperimentSpec spec, TrainingSettings config) {
        return List.of(FitPlot.fileName(spec, config), LossPlot.fileName(spec, config));
    }

    /** Writes {@code <stem>-fit.png} and {@code <stem>-loss.png}; returns their paths. */
    public static List<Path> write(ExperimentResult result, OutputFolder folder) {
        return List.of(new FitPlot().write(result, folder), new LossPlot().write(result, folder));
    }

    /**
     * What the plots of one run are called: the experiment, the activation, the hidden width and
     * the seed, e.g. {@code deep-quadratic-tanh-h10-seed0}, then whatever else differs from the
     * article's training (optimiser, standardised data, a learning rate other than the optimiser's
     * default, steps), so that two runs that differ never write over each other's pictures. It is
     * known before the run, so that the output folder is checked before it trains.
     */
    public static String fileStem(ExperimentSpec spec, TrainingSettings config) {
        StringBuilder stem = new StringBuilder(spec.name());
        spec.architecture().activation().ifPresent(a -> stem.append('-').append(a.id()));
        stem.append("-h").append(spec.architecture().widths()[1]);
        stem.append("-seed").append(config.seed());
        if (config.optimizer() != OptimizerKind.SGD) {
            stem.append('-').append(config.optimizer().id());
        }
        if (config.normalize()) {
            stem.append("-normalized");
        }
        if (config.learningRate() != config.optimizer().defaultLearningRate()) {
            stem.append("-lr").append(Float.toString(config.learningRate()));
        }
        if (config.steps() != TrainingSettings.ARTICLE_STEPS) {
            stem.append('-').append(config.steps()).append("steps");
        }
        return stem.toString();
    }
}
