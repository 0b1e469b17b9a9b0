package dev.djlfit.cli;

import ai.djl.Device;
import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.experiment.Experiments;
import dev.djlfit.report.ExperimentPlots;
import dev.djlfit.report.ExperimentPrinter;
import dev.djlfit.report.FilesWritten;
import dev.djlfit.report.OutputFolder;
import dev.djlfit.report.ProgressReporter;
import dev.djlfit.report.SummaryTable;
import dev.djlfit.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The article from start to end: its four experiments in its order, then a summary. */
@Command(
        name = "walkthrough",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the article's four experiments in its order and prints what it prints:",
            "  1. linear net 1→10→1 on the line data y = 2x + 1",
            "  2. the same net on the quadratic data y = 3x² + 2x + 1",
            "  3. the tanh net 1→10→tanh→1 on the quadratic data",
            "  4. the deep net 1→10→tanh→10→tanh→1 on the quadratic data (the article's shape bug fixed)",
            "then how badly each extrapolates, and a summary table; writes a fit plot and a loss plot",
            "per experiment (PNG) into the output folder and lists them at the end."
        })
public final class WalkthroughCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrainingConfig config = training.config();
        Device target = device.resolve();
        OutputFolder folder = output.folder();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr(), output.quiet);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Machine Learning and Regression Models with PyTorch, part II: the Java port");
        out.println(EngineInfo.header(target.toString()));
        List<ExperimentSpec> experiments = Experiments.article();
        List<ExperimentResult> results = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        ExperimentRunner runner = new ExperimentRunner(target);
        ExperimentPrinter printer = new ExperimentPrinter(out);
        for (int i = 0; i < experiments.size(); i++) {
            ExperimentSpec experiment = experiments.get(i);
            out.println();
            out.printf("=== experiment %d of %d: %s (%s) ===%n",
                    i + 1, experiments.size(), experiment.title(), experiment.name());
            out.flush();
            ExperimentResult result = runner.run(experiment, config, progress.listener(experiment.name()));
            printer.print(result);
            results.add(result);
            files.addAll(ExperimentPlots.write(result, folder));
        }
        out.println();
        out.println("=== summary ===");
        new SummaryTable(out).print(results);
        FilesWritten.print(out, files);
        return 0;
    }
}
