package dev.djlfit.cli;

import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.article.saving.SavedModels;
import dev.djlfit.article.Footprint;
import dev.djlfit.article.saving.SaveTarget;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Experiments;
import dev.djlfit.io.OutputFile;
import dev.djlfit.io.Outputs;
import dev.djlfit.plots.ExperimentPlots;
import dev.djlfit.article.report.ExperimentPrinter;
import dev.djlfit.io.FilesWritten;
import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.report.ProgressReporter;
import dev.djlfit.article.RunJson;
import dev.djlfit.article.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One experiment, any model on any data. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains one net on one data set and prints what the walkthrough prints for it.",
            "",
            "Then writes a fit plot and a loss plot into the output folder, named after the run, e.g."
                    + " deep-quadratic-relu-h50-seed0-fit.png: the experiment, the activation, the width, the seed,"
                    + " and whatever else differs from the article's training (optimiser, --normalize, learning"
                    + " rate, steps)."
        })
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--save", paramLabel = "DIR",
            description = "Save the trained net into DIR (new, empty, or an earlier saved model, which is replaced"
                    + " only once the new one is complete; other files in DIR stay): DJL's parameter file and"
                    + " model.json; read it back with predict --from DIR.")
    Path save;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DataPoints points = data.dataset();
        ExperimentSpec experiment = Experiments.of(model.model(), points, model.hidden(), model.activation());
        Extrapolation extrapolation = data.extrapolation(points);
        TrainingSettings config = training.config();
        DeviceChoice target = device.choose();
        Footprint.training(experiment.architecture(), points.size()).require("train with --hidden " + model.hidden());
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr(), output.quiet);
        // Every output is checked before training, so that a bad path fails now, not after the run.
        try (Outputs outputs = new Outputs(spec.commandLine().getOut(), spec.commandLine().getErr())) {
            data.file().ifPresent(file -> outputs.input("--data", file));
            Optional<OutputFile> json = output.json(outputs);
            SaveTarget saveTarget = save == null ? null
                    : SaveTarget.prepare(outputs.folder("--save", save), "--save " + save);
            OutputFolder folder = output.folder(outputs);
            folder.check(ExperimentPlots.fileNames(experiment, config));
            PrintWriter out = outputs.report();
            out.println(EngineInfo.header(target));
            out.printf("=== %s (%s) ===%n", experiment.title(), experiment.name());
            out.flush();
            ExperimentResult result = new ExperimentRunner(target.device(), extrapolation)
                    .run(experiment, config, progress.listener(experiment.name()));
            new ExperimentPrinter(out).print(result);
            if (saveTarget != null) {
                SavedModels.save(result, saveTarget);
                out.println("saved: " + saveTarget.target() + " (predict --from " + save + " --x ...)");
            }
            if (json.isPresent()) {
                json.get().writeText(RunJson.of(result) + "\n");
                out.println("wrote " + json.get().path());
            }
            FilesWritten.print(out, ExperimentPlots.write(result, folder));
            out.flush();
            outputs.succeeded();
        }
        return 0;
    }
}
