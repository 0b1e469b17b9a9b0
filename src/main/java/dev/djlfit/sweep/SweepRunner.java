package dev.djlfit.sweep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.data.Dataset;
import dev.djlfit.data.Truth;
import dev.djlfit.evaluation.Extrapolation;
import dev.djlfit.evaluation.ExtrapolationReport;
import dev.djlfit.evaluation.Predictor;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.model.Net;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.training.Backward;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;
import dev.djlfit.training.TrainingLoop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Trains every configuration of a grid, each configuration's seeds as one batch of independent
 * nets ({@link BatchedNets}), several configurations at a time on worker threads (one per core
 * by default). Evaluates every net as the experiments do: final loss on the training points,
 * predictions at the probes, RMSE against the truth, and its curve for the fan plot.
 */
public final class SweepRunner {

    /** Trains one configuration's seeds; {@link SweepRunner} has two: batched and one by one. */
    @FunctionalInterface
    public interface Trainer {
        ConfigurationResult train(SweepConfiguration configuration, int[] seeds, TrainingListener listener);
    }

    private final Device device;
    private final int threads;
    private final Dataset data;
    private final TrainingConfig config;
    private final double fitThreshold;
    private final Extrapolation extrapolation = Extrapolation.article();
    private final float[] curveX = ExperimentRunner.CURVE.grid(ExperimentRunner.CURVE_POINTS);

    public SweepRunner(Device device, int threads, Dataset data, TrainingConfig config, double fitThreshold) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.device = device;
        this.threads = threads;
        this.data = data;
        this.config = config;
        this.fitThreshold = fitThreshold;
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
    public SweepResult run(SweepGrid grid, Function<SweepConfiguration, TrainingListener> listeners) {
        return run(grid, listeners, this::trainBatched);
    }

    /** The same nets trained one after the other by {@link TrainingLoop}: the yardstick. */
    public SweepResult runOneByOne(SweepGrid grid, Function<SweepConfiguration, TrainingListener> listeners) {
        return run(grid, listeners, this::trainOneByOne);
    }

    public SweepResult run(
            SweepGrid grid, Function<SweepConfiguration, TrainingListener> listeners, Trainer trainer) {
        long start = System.nanoTime();
        List<SweepConfiguration> configurations = grid.configurations();
        int[] seeds = grid.seedValues();
        int workers = Math.min(threads, configurations.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "sweep-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ConfigurationResult>> futures = new ArrayList<>();
            for (SweepConfiguration c : configurations) {
                futures.add(pool.submit(() -> trainer.train(c, seeds, listeners.apply(c))));
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
            return new SweepResult(data, config.withSeed(grid.firstSeed()), fitThreshold, probes, truthAtProbes,
                    curveX, results, workers, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
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
    public ConfigurationResult trainBatched(SweepConfiguration configuration, int[] seeds, TrainingListener listener) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            long start = System.nanoTime();
            BatchedNets nets = BatchedNets.initialise(manager, configuration.architecture(), seeds);
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

    /** The same seeds, each net alone through the article's {@link TrainingLoop}. */
    public ConfigurationResult trainOneByOne(SweepConfiguration configuration, int[] seeds, TrainingListener listener) {
        List<SeedOutcome> outcomes = new ArrayList<>();
        long trainNanos = 0;
        listener.started(config.steps() * seeds.length);
        for (int k = 0; k < seeds.length; k++) {
            try (NDManager manager = NDManager.newBaseManager(device)) {
                long start = System.nanoTime();
                Net fit = Net.initialise(manager, configuration.architecture(), seeds[k]);
                NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
                NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
                int done = k * config.steps();
                TrainingListener part = new TrainingListener() {
                    @Override
                    public void progressed(int stepsDone, float loss) {
                        listener.progressed(done + stepsDone, loss);
                    }
                };
                try {
                    new TrainingLoop().run(fit, x, y, config.withBackward(Backward.AUTOGRAD), part);
                } catch (dev.djlfit.training.TrainingDivergedException e) {
                    // the batched run keeps a diverged net as NaN; so does this one
                }
                trainNanos += System.nanoTime() - start;
                outcomes.add(outcome(seeds[k], xs -> predict(fit, manager, xs)));
            }
        }
        listener.finished();
        return new ConfigurationResult(configuration, outcomes, trainNanos, config.steps());
    }

    private static float[] predict(Net fit, NDManager manager, float[] xs) {
        try (NDManager scope = manager.newSubManager();
                GradMode noGrad = Torch.noGrad()) {
            return fit.forward(scope.create(xs, new Shape(xs.length, 1))).toFloatArray();
        }
    }

    private SeedOutcome outcome(int seed, Predictor net) {
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
