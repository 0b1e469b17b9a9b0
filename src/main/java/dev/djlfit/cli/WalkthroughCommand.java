package dev.djlfit.cli;

import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import dev.djlfit.article.ArticleExperiment;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Experiments;
import dev.djlfit.article.ParallelExperiments;
import dev.djlfit.io.OutputFile;
import dev.djlfit.io.Outputs;
import dev.djlfit.plots.ExperimentPlots;
import dev.djlfit.program.TraceJson;
import dev.djlfit.article.report.ExperimentPrinter;
import dev.djlfit.io.FilesWritten;
import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.report.ProgressReporter;
import dev.djlfit.article.RunJson;
import dev.djlfit.article.report.SummaryTable;
import dev.djlfit.article.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The article from start to end: its four experiments in its order, then a summary. */
@Command(
        name = "walkthrough",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the article's four experiments in its order and prints what the article prints.",
            "",
            "The experiments:",
            "  1. linear net 1→10→1 on the line data y = 2x + 1",
            "  2. the same net on the quadratic data y = 3x² + 2x + 1",
            "  3. the tanh net 1→10→tanh→1 on the quadratic data",
            "  4. the deep net 1→10→tanh→10→tanh→1 on the quadratic data (the article's shape bug fixed)",
            "",
            "Then how badly each extrapolates, and a summary table. Writes a fit plot and a loss plot per"
                    + " experiment (PNG) into the output folder and lists them at the end."
        })
public final class WalkthroughCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--threads", paramLabel = "N",
            description = "Experiments trained at once; they are independent (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--trace", paramLabel = "DIR",
            description = "Also write each experiment's trace into DIR as <experiment>.json (linear-linear.json, ...),"
                    + " for judge: train --json's document without its settings keys (docs/trace-format.md); created"
                    + " if missing, each file written whole.")
    Path trace;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrainingSettings config = training.config();
        DeviceChoice target = device.choose();
        int parallel = OptionChecks.threads("--threads", threads);
        List<ExperimentSpec> experiments = Experiments.article();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr(), output.quiet);
        try (Outputs outputs = new Outputs(spec.commandLine().getOut(), spec.commandLine().getErr())) {
            Optional<OutputFile> json = output.json(outputs);
            OutputFolder folder = output.folder(outputs);
            for (ExperimentSpec experiment : experiments) {
                folder.check(ExperimentPlots.fileNames(experiment, config));
            }
            Optional<OutputFolder> traces =
                    trace == null ? Optional.empty() : Optional.of(new OutputFolder(outputs.folder("--trace", trace)));
            traces.ifPresent(t -> t.check(experiments.stream().map(WalkthroughCommand::traceName).toList()));
            PrintWriter out = outputs.report();
            out.println("Machine Learning and Regression Models with PyTorch, part II: the Java port");
            out.println(EngineInfo.header(target));
            ExperimentPrinter printer = new ExperimentPrinter(out);
            List<Path> files = new ArrayList<>();
            int[] printed = {0};
            List<ExperimentResult> results;
            try (ProgressReporter.Shared shared =
                    progress.shared("walkthrough", (long) config.steps() * experiments.size(), experiments.size())) {
                results = new ParallelExperiments(new ExperimentRunner(target.device()), parallel)
                        .run(experiments, config, spec -> shared.part(), result -> {
                            printed[0]++;
                            out.println();
                            out.printf("=== experiment %d of %d: %s (%s) ===%n",
                                    printed[0], experiments.size(), result.spec().title(), result.spec().name());
                            printer.print(result);
                            files.addAll(ExperimentPlots.write(result, folder));
                            out.flush();
                        });
            }
            out.println();
            out.println("=== summary ===");
            new SummaryTable(out).print(results);
            if (json.isPresent()) {
                json.get().writeText(RunJson.runs(results) + "\n");
                out.println("wrote " + json.get().path());
            }
            if (traces.isPresent()) {
                for (ExperimentResult result : results) {
                    files.add(traces.get().writeText(traceName(result.spec()),
                            TraceJson.toJson(ArticleExperiment.trace(result)) + "\n"));
                }
            }
            FilesWritten.print(out, files);
            outputs.succeeded();
        }
        return 0;
    }

    /** {@code linear-linear.json}: an experiment's trace in the {@code --trace} folder. */
    static String traceName(ExperimentSpec experiment) {
        return experiment.name() + ".json";
    }
}
