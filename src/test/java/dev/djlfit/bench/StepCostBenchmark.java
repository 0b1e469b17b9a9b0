package dev.djlfit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Experiments;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.optim.Optimizer;
import dev.djlfit.torch.optim.SGD;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each part of one step of the article's loop costs ({@code Article.train}'s step on the
 * article's 4 points): growing prefixes of the step, timed in interleaved rounds, and each part
 * as the difference of two prefixes; then the libtorch operators one step runs, from libtorch's
 * own profiler. Times are this thread's CPU time. A benchmark, not a test: run it by hand (see docs/performance.md).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:target/lib/* dev.djlfit.bench.StepCostBenchmark [experiment] [iterations] [rounds]
 * </pre>
 */
public final class StepCostBenchmark {

    /** CPU time of this thread, which runs libtorch's operators too (one intra-op thread; autograd runs CPU work on the caller): on a shared machine wall time mostly measures the other processes. */
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final String[] PREFIXES = {
        "scope", "+forward", "+loss-gradient", "+backward", "+zero_grad", "+step (whole step)"};

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "tanh-quadratic";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ExperimentSpec spec = Experiments.article().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no experiment " + name));
        Torch.manualSeed(0);
        try (NDManager manager = NDManager.newBaseManager();
                MSELoss calcLoss = new MSELoss();
                GradMode grad = Torch.enableGrad()) {
            NNet fit = Nets.initialise(manager, spec.architecture(), 0);
            NDArray x = manager.create(new float[] {-1.34f, -0.45f, 0.45f, 1.34f}, new Shape(4, 1));
            NDArray y = manager.create(new float[] {-0.9f, -0.6f, 0.1f, 1.4f}, new Shape(4, 1));
            try (Optimizer optimizer = new SGD(fit.parameters(), 0.01)) {
                double[][] micros = new double[PREFIXES.length][rounds];
                for (int warm = 0; warm < 2; warm++) {
                    for (int p = 0; p < PREFIXES.length; p++) {
                        time(p, iterations, fit, x, y, calcLoss, optimizer);
                    }
                }
                long processStart = PROCESS.getProcessCpuTime();
                long threadStart = THREAD.getCurrentThreadCpuTime();
                for (int r = 0; r < rounds; r++) {
                    for (int p = 0; p < PREFIXES.length; p++) {
                        micros[p][r] = time(p, iterations, fit, x, y, calcLoss, optimizer);
                    }
                }
                double otherThreads = ((PROCESS.getProcessCpuTime() - processStart)
                        - (THREAD.getCurrentThreadCpuTime() - threadStart)) / 1e3 / (rounds * PREFIXES.length * (double) iterations);
                System.out.printf(Locale.ROOT, "%s, %d iterations x %d interleaved rounds, thread CPU time, load average %s%n",
                        name, iterations, rounds, loadAverage());
                double previous = 0;
                for (int p = 0; p < PREFIXES.length; p++) {
                    double median = median(micros[p]);
                    System.out.printf(Locale.ROOT, "%-20s prefix %7.2f us   part %7.2f us   rounds [%s]%n",
                            PREFIXES[p], median, median - previous, round(micros[p]));
                    previous = median;
                }
                System.out.printf(Locale.ROOT, "other threads of this JVM (GC, JIT): %.2f us CPU per iteration%n", otherThreads);
                profile(fit, x, y, calcLoss, optimizer);
            }
        }
    }

    private static double time(int prefix, int iterations, NNet fit, NDArray x, NDArray y, MSELoss calcLoss,
            Optimizer optimizer) {
        long start = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            step(prefix, fit, x, y, calcLoss, optimizer);
        }
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e3 / iterations;
    }

    private static void step(int prefix, NNet fit, NDArray x, NDArray y, MSELoss calcLoss, Optimizer optimizer) {
        try (var step = Torch.stepScope()) {
            if (prefix == 0) {
                return;
            }
            NDArray pred = fit.forward(x);
            if (prefix == 1) {
                return;
            }
            MSELoss.Lazy loss = calcLoss.lazy(pred, y);
            if (prefix == 2) {
                loss.gradient();
                return;
            }
            loss.backward();
            if (prefix == 3) {
                return;
            }
            if (prefix == 5) {
                optimizer.step();
            }
            optimizer.zeroGrad();
        }
    }

    /** The libtorch operators of 100 whole steps, per step, from libtorch's profiler. */
    private static void profile(NNet fit, NDArray x, NDArray y, MSELoss calcLoss, Optimizer optimizer)
            throws IOException {
        int steps = 100;
        Path trace = Files.createTempFile("step-cost", ".json");
        JniUtils.startProfile(false, false, false);
        for (int i = 0; i < steps; i++) {
            step(PREFIXES.length - 1, fit, x, y, calcLoss, optimizer);
        }
        JniUtils.stopProfile(trace.toString());
        String json = Files.readString(trace);
        Files.delete(trace);
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("\"name\": \"([^\"]+)\"").matcher(json);
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        int total = 0;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < steps || e.getKey().startsWith("[")) {
                continue;
            }
            total += e.getValue();
            line.append(String.format(Locale.ROOT, " %s=%.0f", e.getKey(), e.getValue() / (double) steps));
        }
        System.out.printf(Locale.ROOT, "profiler events per step: %.0f:%s%n", total / (double) steps, line);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String round(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return s.toString();
    }
}
