package dev.djlfit.sweep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Truth;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.FittedFunction;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Trains every configuration of a grid, each configuration's seeds as one batch of independent
 * nets ({@link BatchedNets}), several configurations at a time on worker threads (one per core
 * by default). Evaluates every net as the experiments do: final loss on the training points,
 * predictions at the probes, RMSE against the truth over the interpolation and extrapolation
 * ranges, and its curve for the fan plot. Before the clock starts, a short warm-up run loads the
 * engine and compiles the loop, so the first configuration's time is not the warm-up's.
 */
public final class SweepRunner {

    /** Trains one configuration's seeds; {@link SweepRunner} has two: batched and one by one. */
    @FunctionalInterface
    public interface Trainer {
        ConfigurationResult train(
                SweepConfiguration configuration, int[] seeds, TrainingSettings config, TrainingObserver listener);
    }

    /** Steps and seeds of the warm-up run: enough to load libtorch and let the JIT compile the loop. */
    static final int WARM_UP_STEPS = 2000;
    static final int WARM_UP_SEEDS = 2;

    private final Device device;
    private final int threads;
    private final DataPoints data;
    private final TrainingSettings config;
    private final double fitThreshold;
    private final Extrapolation extrapolation;
    private final float[] curveX;

    /** Scored at the article's probes and ranges. */
    public SweepRunner(Device device, int threads, DataPoints data, TrainingSettings config, double fitThreshold) {
        this(device, threads, data, config, fitThreshold, Extrapolation.article());
    }

    /** Scored where {@code extrapolation} says: its probes, its ranges, and its curve for the fans. */
    public SweepRunner(Device device, int threads, DataPoints data, TrainingSettings config, double fitThreshold,
            Extrapolation extrapolation) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.device = device;
        this.threads = threads;
        this.data = data;
        this.config = config;
        this.fitThreshold = fitThreshold;
        this.extrapolation = extrapolation;
        this.curveX = extrapolation.curve().grid(ExperimentRunner.CURVE_POINTS);
    }

    /**
     * {@code torch.set_num_threads(n)}: libtorch's threads inside one operation, for the whole
     * process (worker threads started later take it up too).
     */
    public static void setTorchThreads(int n) {
        ai.djl.engine.Engine.getInstance();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
    }

    /** The sweep, batched. */
    public SweepResult run(SweepGrid grid, Function<SweepConfiguration, TrainingObserver> listeners) {
        return run(grid, listeners, this::trainBatched);
    }

    /** The same nets trained one after the other by the article's loop, {@link Article#train}: the yardstick. */
    public SweepResult runOneByOne(SweepGrid grid, Function<SweepConfiguration, TrainingObserver> listeners) {
        return run(grid, listeners, this::trainOneByOne);
    }

    public SweepResult run(
            SweepGrid grid, Function<SweepConfiguration, TrainingObserver> listeners, Trainer trainer) {
        List<SweepConfiguration> configurations = grid.configurations();
        int[] seeds = grid.seedValues();
        int workers = Math.min(threads, configurations.size());
        long warmUpStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "sweep-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            warmUp(pool, workers, trainer, configurations.get(0), seeds);
            long start = System.nanoTime();
            List<Future<ConfigurationResult>> futures = new ArrayList<>();
            for (SweepConfiguration c : configurations) {
                futures.add(pool.submit(() -> trainer.train(c, seeds, config, listeners.apply(c))));
            }
            List<ConfigurationResult> results = new ArrayList<>();
            for (Future<ConfigurationResult> f : futures) {
                results.add(get(f));
            }
            float[] probes = extrapolation.probes();
            double[] truthAtProbes = new double[probes.length];
            for (int i = 0; i < probes.length; i++) {
                float x = probes[i];
                truthAtProbes[i] = data.truth().map(t -> t.at(x)).orElse(Double.NaN);
            }
            return new SweepResult(data, config.withSeed(grid.firstSeed()), fitThreshold, extrapolation,
                    truthAtProbes, curveX, results, workers, System.nanoTime() - start, start - warmUpStart);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A short run of the first configuration on every worker thread, thrown away: the first run
     * on a thread costs many times the later ones (measured: 3.2 s of CPU against 0.2 s for the
     * same 16 nets x 2000 steps), and without this the first configurations would pay it.
     */
    private void warmUp(ExecutorService pool, int workers, Trainer trainer, SweepConfiguration first, int[] seeds) {
        int[] few = Arrays.copyOf(seeds, Math.min(WARM_UP_SEEDS, seeds.length));
        TrainingSettings shortRun = config.withSteps(Math.min(WARM_UP_STEPS, config.steps()));
        // every worker takes one warm-up and waits for the others, so that none takes two
        CountDownLatch started = new CountDownLatch(workers);
        List<Future<ConfigurationResult>> warmUps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            warmUps.add(pool.submit(() -> {
                started.countDown();
                started.await();
                return trainer.train(first, few, shortRun, TrainingObserver.NONE);
            }));
        }
        for (Future<ConfigurationResult> f : warmUps) {
            get(f);
        }
    }

    private static ConfigurationResult get(Future<ConfigurationResult> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** All seeds of one configuration as one batch. */
    public ConfigurationResult trainBatched(
            SweepConfiguration configuration, int[] seeds, TrainingSettings config, TrainingObserver listener) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            long start = System.nanoTime();
            BatchedNets nets = BatchedNets.stack(manager, configuration.architecture(),
                    Nets.initialValues(configuration.architecture(), seeds));
            NDArray x = nets.inputs(manager, data.x());
            NDArray y = nets.inputs(manager, data.y());
            new BatchedTrainingLoop().run(nets, x, y, config, listener);
            long trainNanos = System.nanoTime() - start;

            Map<Key, float[][]> cache = new HashMap<>();
            Function<float[], float[][]> all =
                    xs -> cache.computeIfAbsent(new Key(xs), key -> nets.predict(manager, key.xs()));
            List<SeedOutcome> outcomes = new ArrayList<>();
            for (int k = 0; k < seeds.length; k++) {
                int net = k;
                outcomes.add(outcome(seeds[k], xs -> all.apply(xs)[net]));
            }
            return new ConfigurationResult(configuration, outcomes, trainNanos, config.steps());
        }
    }

    /** The same seeds, each net alone through the article's loop, {@link Article#train}. */
    public ConfigurationResult trainOneByOne(
            SweepConfiguration configuration, int[] seeds, TrainingSettings config, TrainingObserver listener) {
        List<SeedOutcome> outcomes = new ArrayList<>();
        long trainNanos = 0;
        listener.started(config.steps() * seeds.length);
        for (int k = 0; k < seeds.length; k++) {
            try (NDManager manager = NDManager.newBaseManager(device)) {
                long start = System.nanoTime();
                NNet fit = Nets.initialise(manager, configuration.architecture(), seeds[k]);
                NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
                NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
                int done = k * config.steps();
                TrainingObserver part = new TrainingObserver() {
                    @Override
                    public void progressed(int stepsDone, float loss) {
                        listener.progressed(done + stepsDone, loss);
                    }
                };
                try {
                    Article.train(fit, x, y, config.withBackward(Backward.AUTOGRAD), part);
                } catch (dev.djlfit.article.DivergedException e) {
                    // the batched run keeps a diverged net as NaN; so does this one
                }
                trainNanos += System.nanoTime() - start;
                outcomes.add(outcome(seeds[k], xs -> predict(fit, manager, xs)));
            }
        }
        listener.finished();
        return new ConfigurationResult(configuration, outcomes, trainNanos, config.steps());
    }

    private static float[] predict(NNet fit, NDManager manager, float[] xs) {
        try (NDManager scope = manager.newSubManager();
                GradMode noGrad = Torch.noGrad()) {
            return fit.forward(scope.create(xs, new Shape(xs.length, 1))).toFloatArray();
        }
    }

    private SeedOutcome outcome(int seed, FittedFunction net) {
        double finalLoss = MSELoss.mean(net.predict(data.x()), data.y());
        boolean fitted = finalLoss < fitThreshold;
        float[] probeX = extrapolation.probes();
        float[] probeY = net.predict(probeX);
        double[] probes = new double[probeX.length];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = probeY[i];
        }
        Optional<Truth> truth = data.truth();
        Optional<ExtrapolationReport> report = truth.map(t -> extrapolation.evaluate(t, net));
        return new SeedOutcome(seed, finalLoss, fitted, probes,
                report.map(ExtrapolationReport::interpolationRmse).orElse(Double.NaN),
                report.map(ExtrapolationReport::extrapolationRmse).orElse(Double.NaN),
                net.predict(curveX));
    }

    /** A float[] as a map key, by content. */
    private record Key(float[] xs) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(xs, k.xs);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(xs);
        }
    }
}
