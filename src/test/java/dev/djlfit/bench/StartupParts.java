package dev.djlfit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.article.Experiments;
import dev.djlfit.torch.Torch;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a JVM's start-up goes before the first step, in CPU time of the whole process: the JVM
 * itself (up to {@code main}), loading libtorch through DJL's engine, and the first training step
 * (the net, the loop's classes, one step). A benchmark, not a test:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:target/lib/* dev.djlfit.bench.StartupParts
 * </pre>
 */
public final class StartupParts {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) {
        double jvm = cpuSeconds();
        long wallStart = System.nanoTime();
        Torch.manualSeed(0);
        double engine = cpuSeconds();
        try (NDManager manager = NDManager.newBaseManager()) {
            NNet fit = Nets.initialise(manager, Experiments.article().get(2).architecture(), 0);
            NDArray x = manager.create(new float[] {0, 1, 2, 3}, new Shape(4, 1));
            NDArray y = manager.create(new float[] {1, 6, 17, 34}, new Shape(4, 1));
            Article.train(fit, x, y, new TrainingSettings(1, 0.01f, 0, 1000), TrainingObserver.NONE);
        }
        double step = cpuSeconds();
        System.out.printf(Locale.ROOT, "process CPU: JVM to main %.2f s, + libtorch loaded %.2f s, + first step %.2f s"
                + " (wall from main %.2f s)%n", jvm, engine - jvm, step - engine, (System.nanoTime() - wallStart) / 1e9);
    }

    private static double cpuSeconds() {
        return PROCESS.getProcessCpuTime() / 1e9;
    }
}
