package dev.djlfit.report;

import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.training.TrainingConfig;

import java.nio.file.Path;
import java.util.List;

/** The two pictures of one experiment: its fit and its loss curve. */
public final class ExperimentPlots {

    private ExperimentPlots() {}

    /** The names {@link #write} gives its files, known before the run. */
    public static List<String> fileNames(ExperimentSpec spec, TrainingConfig config) {
        return List.of(FitPlot.fileName(spec, config), LossPlot.fileName(spec, config));
    }

    /** Writes {@code <name>-fit.png} and {@code <name>-loss.png}; returns their paths. */
    public static List<Path> write(ExperimentResult result, OutputFolder folder) {
        return List.of(new FitPlot().write(result, folder), new LossPlot().write(result, folder));
    }
}
