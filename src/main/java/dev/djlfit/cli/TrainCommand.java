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
import dev.djlfit.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** One experiment, any model on any data. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {"Trains one net on one data set and prints what the walkthrough prints for it,",
            "then writes <model>-<data>-fit.png and <model>-<data>-loss.png into the output folder."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

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
        ExperimentSpec experiment =
                Experiments.of(model.model(), data.dataset(), model.hidden(), model.activation());
        TrainingConfig config = training.config();
        Device target = device.resolve();
        OutputFolder folder = output.folder();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr(), output.quiet);
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target.toString()));
        out.printf("=== %s (%s) ===%n", experiment.title(), experiment.name());
        out.flush();
        ExperimentResult result = new ExperimentRunner(target).run(experiment, config, progress.listener(experiment.name()));
        new ExperimentPrinter(out).print(result);
        FilesWritten.print(out, ExperimentPlots.write(result, folder));
        return 0;
    }
}
