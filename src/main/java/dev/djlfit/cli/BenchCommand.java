package dev.djlfit.cli;

import dev.djlfit.bench.BenchResult;
import dev.djlfit.bench.JavaLoopBench;
import dev.djlfit.bench.MemoryProbe;
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
import java.util.ArrayList;
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
            "then a table. Variants: autograd (the default loop), manual (hand-written backward)."
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

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (steps <= 0 || warmup < 0 || repeats <= 0 || memorySteps <= MEMORY_WARMUP_STEPS) {
            throw new UserInputException("--steps and --repeats must be positive, --warmup not negative, --memory-steps over "
                    + MEMORY_WARMUP_STEPS);
        }
        List<ExperimentSpec> chosen = chosenExperiments();
        DeviceChoice target = device.choose();
        PrintWriter out = spec.commandLine().getOut();
        out.println(EngineInfo.header(target));
        out.printf(Locale.ROOT, "%d timed steps per run, %d warm-up steps, median of %d runs%n", steps, warmup, repeats);
        out.flush();
        TrainingConfig config = new TrainingConfig(steps, TrainingConfig.ARTICLE_LEARNING_RATE, seed, 1000);
        JavaLoopBench bench = new JavaLoopBench(target.device(), warmup, repeats);
        List<BenchResult> results = new ArrayList<>();
        for (ExperimentSpec experiment : chosen) {
            for (Backward variant : variants) {
                BenchResult result = bench.measure(experiment, config, variant);
                out.println(result.line());
                out.flush();
                results.add(result);
            }
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
        out.printf(Locale.ROOT, "%-18s %-10s %12s %10s%n", "experiment", "loop", "µs/step", "steps/s");
        for (BenchResult r : results) {
            out.printf(Locale.ROOT, "%-18s %-10s %12.1f %10.0f%n",
                    r.experiment(), r.variant(), r.median(), 1e6 / r.median());
        }
    }
}
