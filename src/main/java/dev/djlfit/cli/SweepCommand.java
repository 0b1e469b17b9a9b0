package dev.djlfit.cli;

import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.io.OutputFile;
import dev.djlfit.io.Outputs;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.Footprint;
import dev.djlfit.plots.FanPlot;
import dev.djlfit.io.FilesWritten;
import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.report.ProgressReporter;
import dev.djlfit.sweep.SweepJson;
import dev.djlfit.sweep.SweepTable;
import dev.djlfit.sweep.ConfigurationResult;
import dev.djlfit.sweep.Distribution;
import dev.djlfit.sweep.OneByOneComparison;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.sweep.SweepGrid;
import dev.djlfit.sweep.SweepResult;
import dev.djlfit.sweep.SweepRunner;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** How uncertain is extrapolation? Many seeds of many nets, trained as batches. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a grid of nets from many seeds each and shows how differently they extrapolate.",
            "",
            "The grid is activation x hidden width x depth. Per configuration: how many seeds fit the"
                    + " training points and, over those, the prediction at each probe (median and 5th..95th"
                    + " percentile; the files add min and max) and the RMSE against the truth over the"
                    + " interpolation and extrapolation ranges (--probes, --interpolation, --extrapolation;"
                    + " the article's 2.5 and 10, 0..3 and 3..10 by default). Writes the table as CSV and"
                    + " Markdown, and a fan plot per configuration (every seed's learned curve over the truth)."
                    + " The seeds of a configuration train together as one batch of independent nets."
        })
public final class SweepCommand implements Callable<Integer> {

    /** Measured: see docs/sweep.md, "What it trains and reports". */
    static final int DEFAULT_STEPS = 20_000;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "32",
            description = "Seeds per configuration (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "N", defaultValue = "0",
            description = "The seeds are N, N+1, ... (default: ${DEFAULT-VALUE}).")
    int firstSeed;

    @Option(names = "--activations", paramLabel = "ACT", split = OptionChecks.LIST_SEPARATOR, defaultValue = "tanh,sigmoid,relu",
            description = "Activations, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Nonlinearity> activations;

    @Option(names = "--hidden", paramLabel = "N", split = OptionChecks.LIST_SEPARATOR, defaultValue = "2,10,50",
            description = "Hidden widths, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--depths", paramLabel = "N", split = OptionChecks.LIST_SEPARATOR, defaultValue = "2,3",
            description = "Linear layers per net, comma-separated: 2 is the article's tanh net,"
                    + " 3 its deep net (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + DEFAULT_STEPS,
            description = "Training steps per net (default: ${DEFAULT-VALUE}; the article's loop runs"
                    + " 100000, five times as long).")
    int steps;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.01",
            description = "SGD learning rate (default: ${DEFAULT-VALUE}, the article's).")
    float learningRate;

    @Option(names = "--backward", paramLabel = "HOW", defaultValue = "autograd",
            description = "How the batch's gradients are computed: autograd (loss.backward(), the article's way)"
                    + " or manual (the chain rule written out for the stacked nets; tested against autograd)"
                    + " (default: ${DEFAULT-VALUE}).")
    Backward backward;

    @Option(names = "--fit-threshold", paramLabel = "X", defaultValue = "1e-3",
            description = "A net fits the training points when its final MSE is below this"
                    + " (default: ${DEFAULT-VALUE}).")
    double fitThreshold;

    @Option(names = "--threads", paramLabel = "N",
            description = "Configurations trained at once (default: the number of cores, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "libtorch's threads inside each operation (default: ${DEFAULT-VALUE}: the sweep"
                    + " already runs one configuration per core, and splitting its small operations"
                    + " across threads cost more than it gave when measured).")
    int torchThreads;

    @Option(names = "--compare-one-by-one",
            description = "Then train the same nets again one after the other with the article's loop,"
                    + " and print both timings and how far apart the two runs' curves are.")
    boolean compare;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepGrid grid = grid();
        TrainingSettings config = config();
        OptionChecks.positiveNumber("--fit-threshold", fitThreshold);
        OptionChecks.threads("--threads", threads);
        OptionChecks.threads("--torch-threads", torchThreads);
        DeviceChoice target = device.choose();
        DataPoints dataset = data.dataset();
        Footprint.sweep(grid.configurations().stream().map(SweepConfiguration::architecture).toList(), seeds,
                dataset.size(), data.extrapolation(dataset).evaluationPoints().length,
                Math.min(threads, grid.configurations().size())).require("sweep with --seeds " + seeds);
        try (Outputs outputs = new Outputs(spec.commandLine().getOut(), spec.commandLine().getErr())) {
            data.file().ifPresent(file -> outputs.input("--data", file));
            Optional<OutputFile> json = output.json(outputs);
            OutputFolder folder = output.folder(outputs);
            folder.check(fileNames(grid, dataset));
            PrintWriter out = outputs.report();
            run(grid, config, target, dataset, folder, out, json);
            outputs.succeeded();
        }
        return 0;
    }

    /** The tables' names start so: {@code sweep-<data>.csv}, {@code sweep-<data>.md}, {@code sweep-<data>-seeds.csv}. */
    private static String base(DataPoints dataset) {
        return "sweep-" + dataset.name();
    }

    private List<String> fileNames(SweepGrid grid, DataPoints dataset) {
        List<String> names = new ArrayList<>(SweepTable.fileNames(base(dataset)));
        for (SweepConfiguration c : grid.configurations()) {
            names.add(FanPlot.fileName(dataset.name(), c));
        }
        return names;
    }

    private void run(SweepGrid grid, TrainingSettings config, DeviceChoice target, DataPoints dataset, OutputFolder folder,
            PrintWriter out, Optional<OutputFile> json) {
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr(), output.quiet);
        SweepRunner.setTorchThreads(torchThreads);
        Extrapolation scoring = data.extrapolation(dataset);
        out.println(EngineInfo.header(target));
        int configurations = grid.configurations().size();
        out.printf(Locale.ROOT, "training %d configurations x %d seeds, each configuration as one batch of %d nets,"
                + " %d at a time, %d libtorch thread(s) each, gradients by %s%n", configurations, seeds, seeds,
                Math.min(threads, configurations), torchThreads,
                backward == Backward.MANUAL ? "the hand-written backward" : "autograd");
        out.flush();

        SweepRunner runner = new SweepRunner(target.device(), threads, dataset, config, fitThreshold, scoring);
        SweepResult result;
        try (ProgressReporter.Shared shared = progress.shared("sweep", (long) configurations * steps, configurations)) {
            result = runner.run(grid, c -> shared.part());
        }
        out.println();
        SweepTable table = new SweepTable(result);
        out.print(table.text());
        out.printf(Locale.ROOT, "sweep wall time %.1f s on %d threads, after a %.1f s warm-up that no configuration's"
                + " time includes%n", result.wallNanos() / 1e9, result.threads(), result.warmUpNanos() / 1e9);

        if (compare) {
            SweepResult oneByOne;
            try (ProgressReporter.Shared shared = progress.shared(
                    "one by one", (long) configurations * steps * seeds, configurations)) {
                oneByOne = runner.runOneByOne(grid, c -> shared.part());
            }
            printComparison(out, new OneByOneComparison(result, oneByOne));
        }

        List<Path> files = new ArrayList<>();
        table.files(base(dataset)).forEach((name, text) -> files.add(folder.writeText(name, text)));
        FanPlot fan = new FanPlot();
        for (ConfigurationResult c : result.configurations()) {
            files.add(fan.write(result, c, folder));
        }
        if (json.isPresent()) {
            json.get().writeText(SweepJson.of(result) + "\n");
            out.println("wrote " + json.get().path());
        }
        FilesWritten.print(out, files);
    }

    private SweepGrid grid() {
        OptionChecks.seeds("--first-seed", firstSeed, "--seeds", seeds);
        for (int h : hidden) {
            OptionChecks.width("--hidden", h);
        }
        for (int d : depths) {
            OptionChecks.depth("--depths", d);
        }
        OptionChecks.distinct("--activations", activations);
        OptionChecks.distinct("--hidden", hidden);
        OptionChecks.distinct("--depths", depths);
        return new SweepGrid(activations, hidden, depths, seeds, firstSeed);
    }

    private TrainingSettings config() {
        OptionChecks.steps("--steps", steps);
        OptionChecks.learningRate("--lr", learningRate);
        return new TrainingSettings(steps, learningRate, firstSeed, TrainingSettings.DEFAULT_LOSS_EVERY)
                .withBackward(backward);
    }

    private static void printComparison(PrintWriter out, OneByOneComparison c) {
        SweepResult b = c.batched();
        SweepResult o = c.oneByOne();
        out.println();
        out.printf(Locale.ROOT, "batched vs one by one: the same %d nets, the same seeds, %d steps each, %d threads%n",
                c.nets(), b.config().steps(), b.threads());
        out.printf(Locale.ROOT, "  batched:    wall %8.2f s, training %8.2f s, %10.0f net-steps/s, %.3f s per batch of %d%n",
                b.wallNanos() / 1e9, b.trainNanos() / 1e9, c.netStepsPerSecond(b), c.secondsPerBatch(),
                c.nets() / b.configurations().size());
        out.printf(Locale.ROOT, "  one by one: wall %8.2f s, training %8.2f s, %10.0f net-steps/s, %.3f s per net%n",
                o.wallNanos() / 1e9, o.trainNanos() / 1e9, c.netStepsPerSecond(o), c.secondsPerNetAlone());
        out.printf(Locale.ROOT, "  batched is %.1fx faster (wall), %.1fx (training time); a whole batch takes %.1fx"
                + " the time of one net alone%n", c.wallSpeedup(), c.trainSpeedup(),
                c.secondsPerBatch() / c.secondsPerNetAlone());
        double[] diffs = c.curveDifferences();
        Distribution d = Distribution.of(diffs);
        out.printf(Locale.ROOT, "  learned curves, batched vs alone, largest |difference| per net over %s:"
                + " median %.3g, 95th percentile %.3g, max %.3g; nets whose fit verdict differs: %d%n",
                b.extrapolation().curve().describe(), d.median(), d.p95(), d.max(), c.fitDisagreements());
    }
}
