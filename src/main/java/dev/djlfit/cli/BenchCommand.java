package dev.djlfit.cli;

import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import dev.djlfit.bench.BatchBench;
import dev.djlfit.article.Footprint;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.bench.ExperimentBench;
import dev.djlfit.bench.JavaLoopBench;
import dev.djlfit.bench.MemoryBench;
import dev.djlfit.bench.PyTorchAvailability;
import dev.djlfit.bench.ProcessBench;
import dev.djlfit.bench.PyTorchBench;
import dev.djlfit.bench.QuickstartBench;
import dev.djlfit.bench.TutorialBench;
import dev.djlfit.bench.WalkthroughBench;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Experiments;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.bench.BenchReport;
import dev.djlfit.torch.vision.datasets.DatasetUnavailableException;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.Programs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Times the training loops, side by side with the article's PyTorch code where it can run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times the training loops, side by side with the article's PyTorch code where it can run.",
            "",
            "For each chosen experiment, the in-loop time per step (the median of --repeats runs after a"
                    + " warm-up), one line per loop:",
            "  BENCH <experiment> <variant> us_per_step=<x> steps=<n> rss_mb=<m>",
            "Variants: autograd (the default loop) and manual (the hand-written backward). rss_mb is the peak"
                    + " resident memory of the process that ran the loop. Where the Python given by --python"
                    + " imports torch, the article's PyTorch code (src/reference/pytorch/article.py) is timed the"
                    + " same way (variant pytorch), and RATIO lines give each loop's time over PyTorch's: lower"
                    + " is better. A table closes the run.",
            "",
            "--walkthrough also times the whole walkthrough: the four experiments in parallel in Java against"
                    + " the article's code running them one after another.",
            "",
            "--process also times whole processes, as a user runs them: djl-fit train in a fresh JVM against"
                    + " the article's code in a fresh Python, each at the two --process-steps counts and at one step:"
                    + " per step with start-up taken out (the difference of the two over the difference of the steps),"
                    + " the longer run whole, and start-up on its own (one step, whole process), alternately, median"
                    + " of --repeats rounds.",
            "",
            "--batch K times the sweep's batched training instead: K nets of --batch-config at once"
                    + " (java-<loop>, per batch step and per net-step), one of them alone (alone-<loop>) and the"
                    + " same batch in PyTorch with torch.bmm (pytorch-bmm, src/reference/pytorch/batched.py)."
                    + " Its ratios are times too: lower is better.",
            "",
            "--tutorial quickstart times the quickstart's training epoch on FashionMNIST (--data): the kit's loop"
                    + " (data, forward, backward and update apart), the same model and data under DJL's own"
                    + " Trainer, and the floor (the epoch's matrix products at the rate libtorch reaches here),"
                    + " side by side, with memory after each epoch; then the PyTorch reference's epoch."
        })
public final class BenchCommand implements Callable<Integer> {

    private static final int MEMORY_WARMUP_STEPS = 10_000;
    private static final String QUICKSTART = "quickstart";

    @Option(names = "--experiments", split = OptionChecks.LIST_SEPARATOR, paramLabel = "NAME",
            description = "Experiments to time (default: the article's four: linear-linear, linear-quadratic,"
                    + " tanh-quadratic, deep-quadratic).")
    List<String> experiments = Experiments.article().stream().map(ExperimentSpec::name).toList();

    @Option(names = "--variants", split = OptionChecks.LIST_SEPARATOR, paramLabel = "LOOP",
            description = "Loops to time: autograd, manual (default: both).")
    List<Backward> variants = List.of(Backward.AUTOGRAD, Backward.MANUAL);

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps per run (default: ${DEFAULT-VALUE}).")
    int steps = 20_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup = 2_000;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed = TrainingSettings.DEFAULT_SEED;

    @Option(names = "--memory", description = "Also train each experiment once for --memory-steps and report"
            + " resident memory after 10000 steps and at the end (a MEMORY line each).")
    boolean memory;

    @Option(names = "--memory-steps", paramLabel = "N", description = "Steps of the memory run (default: ${DEFAULT-VALUE}).")
    int memorySteps = TrainingSettings.ARTICLE_STEPS;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python with PyTorch for the reference timing (default: ${DEFAULT-VALUE}).")
    Path python = PyTorchReference.DEFAULT_PYTHON;

    @Option(names = "--python-timeout", paramLabel = "SECONDS",
            description = "Stop each PyTorch reference run (and what it started) after this long"
                    + " (default: ${DEFAULT-VALUE}).")
    int pythonTimeout = (int) PyTorchReference.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--no-python", description = "Time the Java loops only.")
    boolean noPython;

    @Option(names = "--walkthrough", description = "Also time the whole walkthrough, Java against PyTorch"
            + " (--walkthrough-steps each).")
    boolean walkthrough;

    @Option(names = "--walkthrough-steps", paramLabel = "N",
            description = "Steps per experiment of the walkthrough timing (default: ${DEFAULT-VALUE}).")
    int walkthroughSteps = TrainingSettings.ARTICLE_STEPS;

    @Option(names = "--process", description = "Also time whole processes: per step with start-up taken out,"
            + " the whole run, and start-up on its own (PROCESS and STARTUP lines).")
    boolean process;

    @Option(names = "--process-steps", split = ",", paramLabel = "N",
            description = "The two step counts of --process (default: 20000,120000).")
    List<Integer> processSteps = List.of(20_000, 120_000);

    @Option(names = "--batch", paramLabel = "K",
            description = "Time the sweep's batched training of K nets instead of the experiments' loops.")
    Integer batch;

    @Option(names = "--batch-config", paramLabel = "CONFIG", defaultValue = "tanh-h10-d2",
            description = "The batch's nets: <activation>-h<hidden>-d<layers> (default: ${DEFAULT-VALUE},"
                    + " the article's tanh net).")
    String batchConfig;

    @Option(names = "--batch-steps", paramLabel = "N", defaultValue = "2000",
            description = "Timed steps per batch run (default: ${DEFAULT-VALUE}; warm-up: --warmup, at most"
                    + " this many).")
    int batchSteps;

    @Option(names = "--tutorial", paramLabel = "NAME",
            description = "Time a tutorial port's loop against its reference program instead (a name, or all).")
    String tutorial;

    @Option(names = "--data", paramLabel = "DIR",
            description = "--tutorial quickstart: the FashionMNIST folder (default: ${DEFAULT-VALUE}).")
    Path data = FashionMNIST.DEBIAN_ROOT;

    @Option(names = "--epochs", paramLabel = "N",
            description = "--tutorial quickstart: epochs per Java side (default: ${DEFAULT-VALUE}).")
    int epochs = 3;

    @Option(names = "--batches", paramLabel = "N",
            description = "--tutorial quickstart: batches per epoch (default: the whole epoch).")
    int batches;

    @Option(names = "--pytorch-batches", paramLabel = "N",
            description = "--tutorial quickstart: batches PyTorch trains, its epoch scaled from them; 0 for the"
                    + " whole epoch (default: ${DEFAULT-VALUE}: Debian's generic BLAS takes minutes per epoch).")
    int pytorchBatches = 100;

    @Option(names = "--matmul-repeats", paramLabel = "N",
            description = "--tutorial quickstart: repetitions of each matrix product of the floor (default:"
                    + " ${DEFAULT-VALUE}).")
    int matmulRepeats = 200;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OptionChecks.steps("--steps", steps);
        OptionChecks.notNegative("--warmup", warmup);
        OptionChecks.repeats("--repeats", repeats);
        OptionChecks.steps("--walkthrough-steps", walkthroughSteps);
        if (processSteps.size() != 2 || processSteps.get(0) < 1 || processSteps.get(1) <= processSteps.get(0)) {
            throw new UserInputException("--process-steps takes two rising step counts, e.g. 20000,120000; got "
                    + processSteps);
        }
        if (memorySteps <= MEMORY_WARMUP_STEPS) {
            throw new UserInputException("--memory-steps must be over " + MEMORY_WARMUP_STEPS + ", got " + memorySteps);
        }
        if (batch != null) {
            return benchBatch();
        }
        if (tutorial != null) {
            return tutorial.equals(QUICKSTART) ? benchQuickstart() : benchTutorials();
        }
        List<ExperimentSpec> chosen = chosenExperiments();
        DeviceChoice target = device.choose();
        PrintWriter out = spec.commandLine().getOut();
        BenchReport report = new BenchReport(out);
        out.println(EngineInfo.header(target));
        PyTorchAvailability pytorch = pytorchOrNull();
        report.experimentsHeader(steps, warmup, repeats, pytorch);
        PyTorchReference pythonReference = referenceOrNull(pytorch);
        PyTorchBench reference = pythonReference == null ? null : new PyTorchBench(pythonReference, repeats);
        TrainingSettings config = new TrainingSettings(steps, TrainingSettings.ARTICLE_LEARNING_RATE, seed, 1000);
        List<ExperimentBench.Row> rows = new ExperimentBench(new JavaLoopBench(target.device(), warmup, repeats), reference)
                .run(chosen, config, variants, report::row);
        if (process) {
            ProcessBench processBench = new ProcessBench(pythonReference, repeats, processSteps.get(0), processSteps.get(1));
            for (ExperimentSpec experiment : chosen) {
                report.process(processBench.measure(experiment, config));
            }
        }
        if (walkthrough) {
            report.walkthrough(WalkthroughBench.run(target.device(), walkthroughSteps, seed, reference));
        }
        if (memory) {
            report.memory(MemoryBench.run(target.device(), chosen, config.withSteps(memorySteps), MEMORY_WARMUP_STEPS));
        }
        report.table(rows);
        return 0;
    }

    /** The PyTorch that {@code --python} names, checked; null with {@code --no-python}. */
    private PyTorchAvailability pytorchOrNull() {
        return noPython ? null : PyTorchAvailability.check(python,
                java.time.Duration.ofSeconds(OptionChecks.positive("--python-timeout", pythonTimeout)));
    }

    private static PyTorchReference referenceOrNull(PyTorchAvailability pytorchOrNull) {
        return pytorchOrNull == null ? null : pytorchOrNull.referenceOrNull();
    }

    /** {@code --tutorial NAME|all}: each port's loop against its reference program's. */
    private int benchTutorials() {
        List<Program> chosen = tutorial.equals("all")
                ? Programs.all().stream().filter(Program::isSinFit).toList()
                : List.of(TutorialCommand.tutorial(tutorial));
        if (chosen.stream().anyMatch(t -> !t.trains())) {
            throw new UserInputException("bench --tutorial times training loops; " + tutorial + " trains nothing");
        }
        if (chosen.stream().anyMatch(Program::byEpoch)) {
            throw new UserInputException("bench --tutorial times the sin fits' loops and the quickstart's epoch ("
                    + QUICKSTART + "); " + tutorial + " has no bench of its own: it trains as the quickstart does");
        }
        BenchReport report = new BenchReport(spec.commandLine().getOut());
        PyTorchAvailability pytorch = pytorchOrNull();
        report.tutorialsHeader(repeats, pytorch);
        int requestedSteps = spec.commandLine().getParseResult().hasMatchedOption("--steps") ? steps : 0;
        report.tutorialTable(new TutorialBench(referenceOrNull(pytorch), repeats)
                .run(chosen, requestedSteps, report::tutorial));
        return 0;
    }

    /** {@code --tutorial quickstart}: the kit's epoch, DJL's Trainer's and the matmul floor, then PyTorch's. */
    private int benchQuickstart() {
        OptionChecks.positive("--epochs", epochs);
        OptionChecks.notNegative("--batches", batches);
        OptionChecks.notNegative("--pytorch-batches", pytorchBatches);
        if (matmulRepeats < 5) {
            throw new UserInputException("--matmul-repeats must be at least 5, got " + matmulRepeats);
        }
        BenchReport report = new BenchReport(spec.commandLine().getOut());
        PyTorchAvailability pytorch = pytorchOrNull();
        QuickstartBench.Settings settings = new QuickstartBench.Settings(data, epochs, batches, matmulRepeats,
                referenceOrNull(pytorch), pytorchBatches);
        report.quickstartHeader(settings);
        QuickstartBench.Outcome outcome;
        try {
            outcome = QuickstartBench.run(settings, report::epoch);
        } catch (DatasetUnavailableException e) {
            throw new UserInputException(e.getMessage());
        }
        report.quickstart(outcome, pytorch);
        return 0;
    }

    /** {@code --batch K}: the sweep's batch against one net alone and against PyTorch's bmm. */
    private int benchBatch() {
        OptionChecks.seeds("--seed", seed, "--batch", batch);
        OptionChecks.steps("--batch-steps", batchSteps);
        SweepConfiguration configuration;
        try {
            configuration = SweepConfiguration.parse(batchConfig);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--batch-config: " + e.getMessage());
        }
        Footprint.batch(configuration.architecture(), batch, 4).require("bench --batch " + batch);
        DeviceChoice target = device.choose();
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target));
        out.flush();
        PyTorchAvailability pytorch = pytorchOrNull();
        TrainingSettings config = new TrainingSettings(batchSteps, TrainingSettings.ARTICLE_LEARNING_RATE, seed, 1000);
        BatchBench.Outcome outcome = new BatchBench(target.device(), Math.min(warmup, batchSteps), repeats)
                .run(configuration, batch, config, variants, referenceOrNull(pytorch));
        new BenchReport(out).batch(outcome, pytorch);
        return 0;
    }

    private List<ExperimentSpec> chosenExperiments() {
        List<ExperimentSpec> all = Experiments.article();
        List<ExperimentSpec> chosen = new ArrayList<>();
        for (String name : experiments) {
            chosen.add(all.stream().filter(e -> e.name().equals(name.trim())).findFirst().orElseThrow(
                    () -> new UserInputException("--experiments: unknown experiment '" + name + "'; choose from "
                            + all.stream().map(ExperimentSpec::name).toList())));
        }
        return chosen;
    }
}
