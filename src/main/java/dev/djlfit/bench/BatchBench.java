package dev.djlfit.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.data.Dataset;
import dev.djlfit.model.Net;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.sweep.BatchedNets;
import dev.djlfit.sweep.BatchedTrainingLoop;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;

import java.util.List;

/**
 * Times the sweep's batched training of K nets (one configuration, seeds 0..K-1) against one of
 * those nets trained alone and against the same batch in PyTorch ({@code batched.py},
 * {@code torch.bmm}). Times are in-loop: drawing the K initialisations is reported apart.
 */
public final class BatchBench {

    private final Device device;
    private final int warmupSteps;
    private final int repeats;

    public BatchBench(Device device, int warmupSteps, int repeats) {
        this.device = device;
        this.warmupSteps = warmupSteps;
        this.repeats = repeats;
    }

    /** The batch in Java: microseconds per batch step, each repeat; and the initialisation's seconds. */
    public Timing batched(SweepConfiguration configuration, int nets, Dataset data, TrainingConfig config) {
        int[] seeds = new int[nets];
        for (int k = 0; k < nets; k++) {
            seeds[k] = config.seed() + k;
        }
        double[] micros = new double[repeats];
        double initSeconds = 0;
        for (int r = -1; r < repeats; r++) {
            if (r < 0 && warmupSteps == 0) {
                continue;
            }
            TrainingConfig run = r < 0 ? config.withSteps(warmupSteps) : config;
            try (NDManager manager = NDManager.newBaseManager(device)) {
                long start = System.nanoTime();
                BatchedNets batch = BatchedNets.initialise(manager, configuration.architecture(), seeds);
                double init = (System.nanoTime() - start) / 1e9;
                NDArray x = batch.inputs(manager, data.x());
                NDArray y = batch.inputs(manager, data.y());
                BatchedTrainingLoop.Run done = new BatchedTrainingLoop().run(batch, x, y, run, TrainingListener.NONE);
                if (r >= 0) {
                    micros[r] = done.loopNanos() / 1e3 / done.steps();
                    initSeconds = Math.max(initSeconds, init);
                }
            }
        }
        return new Timing(micros, initSeconds);
    }

    /** One net of the configuration (the first seed) alone: microseconds per step, each repeat. */
    public double[] alone(SweepConfiguration configuration, Dataset data, TrainingConfig config) {
        double[] micros = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            if (r < 0 && warmupSteps == 0) {
                continue;
            }
            TrainingConfig run = r < 0 ? config.withSteps(warmupSteps) : config;
            try (NDManager manager = NDManager.newBaseManager(device)) {
                Net fit = Net.initialise(manager, configuration.architecture(), config.seed());
                NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
                NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
                double us = run.backward().train(fit, x, y, run, TrainingListener.NONE).microsPerStep();
                if (r >= 0) {
                    micros[r] = us;
                }
            }
        }
        return micros;
    }

    /** The same batch in PyTorch: microseconds per batch step, each repeat (one process each). */
    public static Timing pytorch(PyTorchReference reference, SweepConfiguration configuration, int nets,
            String dataName, TrainingConfig config, int repeats) {
        double[] micros = new double[repeats];
        double initSeconds = 0;
        for (int r = 0; r < repeats; r++) {
            String json = reference.runScript("batched.py", List.of(
                    "--nets", Integer.toString(nets),
                    "--model", configuration.depth() == 2 ? "tanh" : "deep",
                    "--data", dataName,
                    "--hidden", Integer.toString(configuration.hidden()),
                    "--activation", configuration.activation().id(),
                    "--first-seed", Integer.toString(config.seed()),
                    "--steps", Integer.toString(config.steps()),
                    "--lr", Float.toString(config.learningRate())));
            JsonObject result = JsonParser.parseString(json).getAsJsonObject();
            micros[r] = result.get("loop_seconds").getAsDouble() * 1e6 / config.steps();
            initSeconds = Math.max(initSeconds, result.get("init_seconds").getAsDouble());
        }
        return new Timing(micros, initSeconds);
    }

    /**
     * @param microsPerBatchStep each repeat's in-loop microseconds per step of the whole batch
     * @param initSeconds drawing the initial parameters (the slowest repeat)
     */
    public record Timing(double[] microsPerBatchStep, double initSeconds) {}
}
