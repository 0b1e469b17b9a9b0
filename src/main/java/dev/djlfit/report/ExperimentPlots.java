package dev.djlfit.report;

import dev.djlfit.experiment.ExperimentResult;

import java.nio.file.Path;
import java.util.List;

/** The two pictures of one experiment: its fit and its loss curve. */
public final class ExperimentPlots {

    private ExperimentPlots() {}

    /** Writes {@code <name>-fit.png} and {@code <name>-loss.png}; returns their paths. */
    public static List<Path> write(ExperimentResult result, OutputFolder folder) {
        return List.of(new FitPlot().write(result, folder), new LossPlot().write(result, folder));
    }
}
