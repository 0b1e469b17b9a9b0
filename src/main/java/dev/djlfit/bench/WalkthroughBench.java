package dev.djlfit.bench;

import ai.djl.Device;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Experiments;
import dev.djlfit.article.ParallelExperiments;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;

import java.util.List;

/** The whole walkthrough: Java's four experiments in parallel against PyTorch's, one after another. */
public final class WalkthroughBench {

    /**
     * @param experiments how many
     * @param steps steps each
     * @param threads Java's worker threads
     * @param javaSeconds Java's wall time
     * @param pytorchWallSeconds PyTorch's wall time, processes included (NaN if not timed)
     * @param pytorchLoopSeconds PyTorch's time in its training loops alone (NaN if not timed)
     */
    public record Timing(int experiments, int steps, int threads, double javaSeconds,
            double pytorchWallSeconds, double pytorchLoopSeconds) {}

    private WalkthroughBench() {}

    public static Timing run(Device device, int steps, int seed, PyTorchBench pytorchOrNull) {
        List<ExperimentSpec> article = Experiments.article();
        TrainingSettings config = TrainingSettings.article().withSteps(steps).withSeed(seed);
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        new ParallelExperiments(new ExperimentRunner(device), threads)
                .run(article, config, spec -> TrainingObserver.NONE, result -> { });
        double javaSeconds = (System.nanoTime() - start) / 1e9;
        double wall = Double.NaN;
        double loops = Double.NaN;
        if (pytorchOrNull != null) {
            loops = 0;
            long pyStart = System.nanoTime();
            for (ExperimentSpec spec : article) {
                loops += pytorchOrNull.loopSeconds(spec, config);
            }
            wall = (System.nanoTime() - pyStart) / 1e9;
        }
        return new Timing(article.size(), steps, threads, javaSeconds, wall, loops);
    }
}
