package dev.djlfit.bench;

import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.article.ArticleExperiment;
import dev.djlfit.article.TrainingSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole processes, as a user runs them: {@code djl-fit train} in a fresh JVM against the article's
 * PyTorch code in a fresh Python, each at two step counts. The time per step, start-up taken out,
 * is the difference of the two whole-process times over the difference of the steps; start-up on
 * its own is the whole process of one step. Java and PyTorch run alternately, round after round,
 * so that both see the same load; each figure is the median over the rounds.
 */
public final class ProcessBench {

    /** One side's figures, in seconds, medians over the rounds. */
    public record Timing(String variant, double startupSeconds, double shortSeconds, double longSeconds,
            int shortSteps, int longSteps) {

        public double microsPerStep() {
            return (longSeconds - shortSeconds) * 1e6 / (longSteps - shortSteps);
        }
    }

    /** An experiment's Java timing, and PyTorch's where it ran (else null). */
    public record Row(ExperimentSpec experiment, Timing java, Timing pytorchOrNull) {}

    private final PyTorchReference referenceOrNull;
    private final int rounds;
    private final int shortSteps;
    private final int longSteps;

    public ProcessBench(PyTorchReference referenceOrNull, int rounds, int shortSteps, int longSteps) {
        if (shortSteps < 1 || longSteps <= shortSteps) {
            throw new IllegalArgumentException("the step counts must be 1 or more and rising, got "
                    + shortSteps + " and " + longSteps);
        }
        this.referenceOrNull = referenceOrNull;
        this.rounds = rounds;
        this.shortSteps = shortSteps;
        this.longSteps = longSteps;
    }

    public Row measure(ExperimentSpec spec, TrainingSettings config) {
        int[] counts = {1, shortSteps, longSteps};
        double[][] java = new double[counts.length][rounds];
        double[][] pytorch = new double[counts.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < counts.length; c++) {
                TrainingSettings run = config.withSteps(counts[c]);
                java[c][r] = javaSeconds(spec, run);
                if (referenceOrNull != null) {
                    pytorch[c][r] = pytorchSeconds(spec, run);
                }
            }
        }
        return new Row(spec, timing("java", java), referenceOrNull == null ? null : timing("pytorch", pytorch));
    }

    private Timing timing(String variant, double[][] seconds) {
        return new Timing(variant, median(seconds[0]), median(seconds[1]), median(seconds[2]), shortSteps, longSteps);
    }

    /** {@code java -cp <this classpath> dev.djlfit.cli.Main train ...}, start to exit. */
    private double javaSeconds(ExperimentSpec spec, TrainingSettings config) {
        Path out = null;
        try {
            out = Files.createTempDirectory("djl-fit-bench");
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classPath(),
                    "dev.djlfit.cli.Main", "train"));
            command.addAll(trainArguments(spec, config, out));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("djl-fit train " + String.join(" ", trainArguments(spec, config, out))
                        + " exited with " + exit);
            }
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing djl-fit train", e);
        } finally {
            deleteTree(out);
        }
    }

    /** The article's script for the same experiment, start to exit. */
    private double pytorchSeconds(ExperimentSpec spec, TrainingSettings config) {
        long start = System.nanoTime();
        try (PyTorchReference.ReferenceProcess run =
                referenceOrNull.start(new ArticleExperiment(spec, config), config.seed(), config.steps(), null)) {
            run.trace();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code train}'s options for the experiment {@code <model>-<data>}. */
    static List<String> trainArguments(ExperimentSpec spec, TrainingSettings config, Path out) {
        String[] modelAndData = spec.name().split("-", 2);
        List<String> args = new ArrayList<>(List.of(
                "--model", modelAndData[0], "--data", modelAndData[1],
                "--hidden", Integer.toString(spec.architecture().widths()[1]),
                "--seed", Integer.toString(config.seed()),
                "--steps", Integer.toString(config.steps()),
                "--lr", Float.toString(config.learningRate()),
                "--out", out.toString()));
        spec.architecture().activation().ifPresent(a -> args.addAll(List.of("--activation", a.id())));
        return args;
    }

    /**
     * This program's class path: the JVM's, or where a launcher such as Maven's {@code exec:java}
     * loaded the classes through a class loader of its own, that loader's.
     */
    static String classPath() {
        ClassLoader loader = ProcessBench.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls != ClassLoader.getSystemClassLoader()) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: nothing a child JVM could load
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
