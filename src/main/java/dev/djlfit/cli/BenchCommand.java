package dev.djlfit.cli;

import dev.djlfit.bench.BatchBench;
import dev.djlfit.bench.BenchResult;
import dev.djlfit.bench.ResidentMemory;
import dev.djlfit.data.ArticleData;
import dev.djlfit.data.Dataset;
import dev.djlfit.model.Activation;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.bench.JavaLoopBench;
import dev.djlfit.bench.MemoryProbe;
import dev.djlfit.bench.PyTorchBench;
import dev.djlfit.experiment.ParallelExperiments;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.training.TrainingListener;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.experiment.Experiments;
import dev.djlfit.training.Backward;
import dev.djlfit.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Times the training loops, side by side with the article's PyTorch code where it can run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times the training loop of each chosen experiment (in-loop time per step, median of",
            "--repeats runs after a warm-up) and prints one line per loop:",
            "  BENCH <experiment> <variant> us_per_step=<x> steps=<n> rss_mb=<m>",
            "Variants: autograd (the default loop), manual (hand-written backward). Where the Python",
            "given by --python imports torch, the article's PyTorch code (src/reference/pytorch/article.py)",
            "is timed the same way, with variant pytorch, and each loop's ratio to it is printed.",
            "--walkthrough also times the whole walkthrough: the four experiments in parallel in Java",
            "against the article's code running them one after another. A table closes the run.",
            "--batch K times the sweep's batched training instead: K nets of --batch-config at once",
            "(java-<loop>, per batch step and per net-step), one of them alone (alone-<loop>) and the",
            "same batch in PyTorch with torch.bmm (pytorch-bmm, src/reference/pytorch/batched.py)."
        })
public final class BenchCommand implements Callable<Integer> {

    private static final int MEMORY_WARMUP_STEPS = 10_000;

    @Option(names = "--experiments", split = ",", paramLabel = "NAME",
            description = "Experiments to time (default: the article's four: linear-linear, linear-quadratic,"
                    + " tanh-quadratic, deep-quadratic).")
    List<String> experiments = Experiments.article().stream().map(ExperimentSpec::name).toList();

    @Option(names = "--variants", split = ",", paramLabel = "LOOP",
            description = "Loops to time: autograd, manual (default: both).")
    List<Backward> variants = List.of(Backward.AUTOGRAD, Backward.MANUAL);

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps per run (default: ${DEFAULT-VALUE}).")
    int steps = 20_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup = 2_000;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    int seed = TrainingConfig.DEFAULT_SEED;

    @Option(names = "--memory", description = "Also train each experiment once for --memory-steps and report"
            + " resident memory after 10000 steps and at the end (a MEMORY line each).")
    boolean memory;

    @Option(names = "--memory-steps", paramLabel = "N", description = "Steps of the memory run (default: ${DEFAULT-VALUE}).")
    int memorySteps = TrainingConfig.ARTICLE_STEPS;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python with PyTorch for the reference timing (default: ${DEFAULT-VALUE}).")
    Path python = PyTorchReference.DEFAULT_PYTHON;

    @Option(names = "--no-python", description = "Time the Java loops only.")
    boolean noPython;

    @Option(names = "--walkthrough", description = "Also time the whole walkthrough, Java against PyTorch"
            + " (--walkthrough-steps each).")
    boolean walkthrough;

    @Option(names = "--walkthrough-steps", paramLabel = "N",
            description = "Steps per experiment of the walkthrough timing (default: ${DEFAULT-VALUE}).")
    int walkthroughSteps = TrainingConfig.ARTICLE_STEPS;

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

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (steps <= 0 || warmup < 0 || repeats <= 0 || memorySteps <= MEMORY_WARMUP_STEPS || walkthroughSteps <= 0) {
            throw new UserInputException("--steps and --repeats must be positive, --warmup not negative, --memory-steps over "
                    + MEMORY_WARMUP_STEPS);
        }
        if (batch != null) {
            return benchBatch();
        }
        if (tutorial != null) {
            return new TutorialBenchRun(spec.commandLine().getOut(), noPython ? null : python, repeats)
                    .run(tutorial, spec.commandLine().getParseResult().hasMatchedOption("--steps") ? steps : 0);
        }
        List<ExperimentSpec> chosen = chosenExperiments();
        DeviceChoice target = device.choose();
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target));
        out.printf(Locale.ROOT, "%d timed steps per run, %d warm-up steps, median of %d runs%n", steps, warmup, repeats);
        out.flush();
        TrainingConfig config = new TrainingConfig(steps, TrainingConfig.ARTICLE_LEARNING_RATE, seed, 1000);
        JavaLoopBench bench = new JavaLoopBench(target.device(), warmup, repeats);
        PyTorchBench pytorch = pytorch(out);
        List<BenchResult> results = new ArrayList<>();
        for (ExperimentSpec experiment : chosen) {
            List<BenchResult> java = new ArrayList<>();
            for (Backward variant : variants) {
                BenchResult result = bench.measure(experiment, config, variant);
                out.println(result.line());
                out.flush();
                java.add(result);
            }
            results.addAll(java);
            if (pytorch != null) {
                BenchResult reference = pytorch.measure(experiment, config);
                out.println(reference.line());
                for (BenchResult result : java) {
                    out.printf(Locale.ROOT, "RATIO %s %s/pytorch=%.2f%n",
                            experiment.name(), result.variant(), result.median() / reference.median());
                }
                out.flush();
                results.add(reference);
            }
        }
        if (walkthrough) {
            timeWalkthrough(out, target, pytorch);
        }
        if (memory) {
            for (ExperimentSpec experiment : chosen) {
                MemoryProbe probe = new MemoryProbe(MEMORY_WARMUP_STEPS);
                new ExperimentRunner(target.device()).run(experiment, config.withSteps(memorySteps), probe);
                out.println(probe.line(experiment.name()));
                out.flush();
            }
        }
        out.println();
        printTable(out, results);
        out.flush();
        return 0;
    }

    /** {@code --batch K}: the sweep's batch against one net alone and against PyTorch's bmm. */
    private int benchBatch() {
        if (batch <= 0 || batchSteps <= 0) {
            throw new UserInputException("--batch and --batch-steps must be positive whole numbers");
        }
        SweepConfiguration configuration = batchConfiguration();
        DeviceChoice target = device.choose();
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target));
        String name = "batch-" + batch + "-" + configuration.name();
        out.printf(Locale.ROOT, "%s: %d nets %s (seeds %d..%d), quadratic data, %d timed steps per run, %d warm-up"
                + " steps, median of %d runs, in-loop time (initialisation apart)%n", name, batch,
                configuration.architecture().describe(), seed, seed + batch - 1, batchSteps, Math.min(warmup, batchSteps),
                repeats);
        out.flush();
        Dataset data = ArticleData.QUADRATIC.dataset();
        TrainingConfig config = new TrainingConfig(batchSteps, TrainingConfig.ARTICLE_LEARNING_RATE, seed, 1000);
        BatchBench bench = new BatchBench(target.device(), Math.min(warmup, batchSteps), repeats);
        List<BenchResult> results = new ArrayList<>();
        Map<Backward, BenchResult> batched = new EnumMap<>(Backward.class);
        Map<Backward, BenchResult> alone = new EnumMap<>(Backward.class);
        for (Backward variant : variants) {
            BatchBench.Timing timing = bench.batched(configuration, batch, data, config.withBackward(variant));
            BenchResult perBatchStep = new BenchResult(name, "java-" + variant.id(), timing.microsPerBatchStep(),
                    batchSteps, ResidentMemory.megabytes());
            batched.put(variant, perBatchStep);
            printBatch(out, perBatchStep, results);
            out.printf(Locale.ROOT, "INIT %s java-%s init_s=%.2f (drawing %d initialisations, not in the loop time)%n",
                    name, variant.id(), timing.initSeconds(), batch);
            BenchResult one = new BenchResult(name, "alone-" + variant.id(),
                    bench.alone(configuration, data, config.withBackward(variant)), batchSteps,
                    ResidentMemory.megabytes());
            alone.put(variant, one);
            out.println(one.line());
            results.add(one);
            out.flush();
        }
        BenchResult reference = null;
        if (!noPython) {
            try {
                PyTorchReference pytorch = PyTorchReference.locate(python);
                out.println("reference: torch.bmm batch on PyTorch " + pytorch.torchVersion() + " (" + python + ")");
                BatchBench.Timing timing = BatchBench.pytorch(pytorch, configuration, batch, "quadratic", config, repeats);
                reference = new BenchResult(name, "pytorch-bmm", timing.microsPerBatchStep(), batchSteps, -1);
                printBatch(out, reference, results);
                out.printf(Locale.ROOT, "INIT %s pytorch-bmm init_s=%.2f%n", name, timing.initSeconds());
            } catch (ReferenceUnavailableException e) {
                out.println("reference: not timed: " + e.getMessage());
            }
        }
        for (Backward variant : variants) {
            BenchResult b = batched.get(variant);
            if (reference != null) {
                out.printf(Locale.ROOT, "RATIO %s java-%s/pytorch-bmm net_steps_per_s=%.2f (goal: at least 1.2)%n",
                        name, variant.id(), reference.median() / b.median());
            }
            for (Backward single : variants) {
                out.printf(Locale.ROOT, "RATIO %s java-%s/alone-%s wall=%.2f (goal: under 5)%n",
                        name, variant.id(), single.id(), b.median() / alone.get(single).median());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %-22s %14s %16s%n", "batch", "loop", "µs/batch step", "net-steps/s");
        for (BenchResult r : results) {
            if (r.variant().endsWith("-per-net")) {
                continue;
            }
            boolean isBatch = !r.variant().startsWith("alone-");
            out.printf(Locale.ROOT, "%-28s %-22s %14s %16.0f%n", r.experiment(), r.variant(),
                    isBatch ? String.format(Locale.ROOT, "%.1f", r.median()) : "-",
                    (isBatch ? batch : 1) * 1e6 / r.median());
        }
        out.flush();
        return 0;
    }

    /** The per-batch-step line, then the same time per net-step. */
    private void printBatch(PrintWriter out, BenchResult perBatchStep, List<BenchResult> results) {
        double[] perNet = perBatchStep.microsPerStep().clone();
        for (int i = 0; i < perNet.length; i++) {
            perNet[i] /= batch;
        }
        BenchResult perNetStep = new BenchResult(perBatchStep.experiment(), perBatchStep.variant() + "-per-net",
                perNet, perBatchStep.steps(), perBatchStep.rssMegabytes());
        out.println(perBatchStep.line());
        out.println(perNetStep.line());
        results.add(perBatchStep);
        results.add(perNetStep);
    }

    private SweepConfiguration batchConfiguration() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z]+)-h(\\d+)-d(\\d+)").matcher(batchConfig);
        Activation activation = null;
        if (m.matches()) {
            for (Activation a : Activation.values()) {
                if (a.id().equals(m.group(1))) {
                    activation = a;
                }
            }
        }
        try {
            if (activation != null) {
                return new SweepConfiguration(activation, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one-line error
        }
        throw new UserInputException("--batch-config: expected <activation>-h<hidden>-d<layers> with activation tanh,"
                + " sigmoid or relu, hidden at least 1 and layers at least 2 (e.g. tanh-h10-d2), got '" + batchConfig + "'");
    }

    /** The reference timing, or null (and a line saying why) where PyTorch cannot run. */
    private PyTorchBench pytorch(PrintWriter out) {
        if (noPython) {
            return null;
        }
        try {
            PyTorchReference reference = PyTorchReference.locate(python);
            out.println("reference: the article's code on PyTorch " + reference.torchVersion() + " (" + python + ")");
            return new PyTorchBench(reference, repeats);
        } catch (ReferenceUnavailableException e) {
            out.println("reference: not timed: " + e.getMessage());
            return null;
        }
    }

    /** The whole walkthrough: Java's four experiments in parallel against PyTorch's one after another. */
    private void timeWalkthrough(PrintWriter out, DeviceChoice target, PyTorchBench pytorch) {
        List<ExperimentSpec> article = Experiments.article();
        TrainingConfig config = TrainingConfig.article().withSteps(walkthroughSteps).withSeed(seed);
        long start = System.nanoTime();
        new ParallelExperiments(new ExperimentRunner(target.device()), Runtime.getRuntime().availableProcessors())
                .run(article, config, spec -> TrainingListener.NONE, result -> { });
        double javaSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "WALKTHROUGH java wall_s=%.1f experiments=%d steps=%d threads=%d%n",
                javaSeconds, article.size(), walkthroughSteps, Runtime.getRuntime().availableProcessors());
        if (pytorch != null) {
            double loops = 0;
            long pyStart = System.nanoTime();
            for (ExperimentSpec spec : article) {
                loops += pytorch.loopSeconds(spec, config);
            }
            double pyWall = (System.nanoTime() - pyStart) / 1e9;
            out.printf(Locale.ROOT, "WALKTHROUGH pytorch wall_s=%.1f loops_s=%.1f (one after another)%n", pyWall, loops);
            out.printf(Locale.ROOT, "RATIO walkthrough java/pytorch=%.2f (against the loops alone: %.2f)%n",
                    javaSeconds / pyWall, javaSeconds / loops);
        }
        out.flush();
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

    private static void printTable(PrintWriter out, List<BenchResult> results) {
        out.printf(Locale.ROOT, "%-18s %-10s %12s %10s %12s%n", "experiment", "loop", "µs/step", "steps/s",
                "vs pytorch");
        for (BenchResult r : results) {
            BenchResult reference = results.stream()
                    .filter(p -> p.experiment().equals(r.experiment()) && p.variant().equals("pytorch"))
                    .findFirst().orElse(null);
            out.printf(Locale.ROOT, "%-18s %-10s %12.1f %10.0f %12s%n",
                    r.experiment(), r.variant(), r.median(), 1e6 / r.median(),
                    reference == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.median() / reference.median()));
        }
    }
}
