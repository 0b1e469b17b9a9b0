package dev.djlfit.cli;

import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.experiment.Experiments;
import dev.djlfit.report.ExperimentPrinter;
import dev.djlfit.report.ResultJson;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One experiment, any model on any data. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains one net on one data set and prints what the walkthrough prints for it.")
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
        DeviceChoice target = device.choose();
        Optional<Path> json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target));
        out.printf("=== %s (%s) ===%n", experiment.title(), experiment.name());
        out.flush();
        ExperimentResult result = new ExperimentRunner(target.device()).run(experiment, config, TrainingListener.NONE);
        new ExperimentPrinter(out).print(result);
        if (json.isPresent()) {
            ResultJson.of(result).write(json.get());
            out.println("wrote " + json.get());
        }
        out.flush();
        return 0;
    }
}
