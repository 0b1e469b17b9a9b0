package dev.djlfit.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.djlfit.io.BoundedJson;
import dev.djlfit.io.JsonFields;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.article.Article;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.sweep.BatchedNets;
import dev.djlfit.sweep.BatchedTrainingLoop;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;

import java.util.ArrayList;
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

    /**
     * One loop's timings of the batch.
     *
     * @param loop how gradients were computed
     * @param perBatchStep in-loop time per step of the whole batch
     * @param perNetStep the same over the batch's K nets
     * @param initSeconds drawing the K initialisations (not in the loop time)
     * @param alone one of the nets trained alone with the same loop
     */
    public record LoopTiming(Backward loop, BenchResult perBatchStep, BenchResult perNetStep, double initSeconds,
            BenchResult alone) {}

    /**
     * The same batch in PyTorch ({@code torch.bmm}).
     *
     * @param perBatchStep in-loop time per step of the whole batch
     * @param perNetStep the same over the batch's K nets
     * @param initSeconds drawing the initialisations
     */
    public record ReferenceTiming(BenchResult perBatchStep, BenchResult perNetStep, double initSeconds) {}

    /**
     * Everything {@code bench --batch} measured.
     *
     * @param name e.g. {@code batch-32-tanh-h10-d2}
     * @param loops one entry per loop asked
     * @param referenceOrNull PyTorch's, or null where it was not timed
     */
    public record Outcome(String name, SweepConfiguration configuration, int nets, int firstSeed, int steps,
            int warmupSteps, int repeats, List<LoopTiming> loops, ReferenceTiming referenceOrNull) {
        public Outcome {
            loops = List.copyOf(loops);
        }
    }

    /** The batch of {@code nets} on the article's quadratic data, with each loop, alone, and in PyTorch. */
    public Outcome run(SweepConfiguration configuration, int nets, TrainingSettings config, List<Backward> loops,
            PyTorchReference referenceOrNull) {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        String name = "batch-" + nets + "-" + configuration.name();
        List<LoopTiming> timings = new ArrayList<>();
        for (Backward loop : loops) {
            TrainingSettings run = config.withBackward(loop);
            Timing batch = batched(configuration, nets, data, run);
            BenchResult perBatchStep = new BenchResult(name, "java-" + loop.id(), batch.microsPerBatchStep(),
                    config.steps(), batch.peakRssMegabytes());
            BenchResult alone = new BenchResult(name, "alone-" + loop.id(), alone(configuration, data, run),
                    config.steps(), ResidentMemory.peakMegabytes());
            timings.add(new LoopTiming(loop, perBatchStep, perNet(perBatchStep, nets), batch.initSeconds(), alone));
        }
        ReferenceTiming reference = null;
        if (referenceOrNull != null) {
            Timing timing = pytorch(referenceOrNull, configuration, nets, data.name(), config, repeats);
            BenchResult perBatchStep = new BenchResult(name, "pytorch-bmm", timing.microsPerBatchStep(),
                    config.steps(), timing.peakRssMegabytes());
            reference = new ReferenceTiming(perBatchStep, perNet(perBatchStep, nets), timing.initSeconds());
        }
        return new Outcome(name, configuration, nets, config.seed(), config.steps(), warmupSteps, repeats, timings,
                reference);
    }

    /** The batch step's time over the batch's nets. */
    private static BenchResult perNet(BenchResult perBatchStep, int nets) {
        double[] perNet = perBatchStep.microsPerStep().clone();
        for (int i = 0; i < perNet.length; i++) {
            perNet[i] /= nets;
        }
        return new BenchResult(perBatchStep.experiment(), perBatchStep.variant() + "-per-net", perNet,
                perBatchStep.steps(), perBatchStep.rssMegabytes());
    }

    /** The batch in Java: microseconds per batch step, each repeat; and the initialisation's seconds. */
    public Timing batched(SweepConfiguration configuration, int nets, DataPoints data, TrainingSettings config) {
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
            TrainingSettings run = r < 0 ? config.withSteps(warmupSteps) : config;
            try (NDManager manager = NDManager.newBaseManager(device)) {
                long start = System.nanoTime();
                BatchedNets batch = BatchedNets.stack(manager, configuration.architecture(),
                        Nets.initialValues(configuration.architecture(), seeds));
                double init = (System.nanoTime() - start) / 1e9;
                NDArray x = batch.inputs(manager, data.x());
                NDArray y = batch.inputs(manager, data.y());
                BatchedTrainingLoop.Outcome done = new BatchedTrainingLoop().run(batch, x, y, run, TrainingObserver.NONE);
                if (r >= 0) {
                    micros[r] = done.loopNanos() / 1e3 / done.steps();
                    initSeconds = Math.max(initSeconds, init);
                }
            }
        }
        return new Timing(micros, initSeconds, ResidentMemory.peakMegabytes());
    }

    /** One net of the configuration (the first seed) alone: microseconds per step, each repeat. */
    public double[] alone(SweepConfiguration configuration, DataPoints data, TrainingSettings config) {
        double[] micros = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            if (r < 0 && warmupSteps == 0) {
                continue;
            }
            TrainingSettings run = r < 0 ? config.withSteps(warmupSteps) : config;
            try (NDManager manager = NDManager.newBaseManager(device)) {
                NNet fit = Nets.initialise(manager, configuration.architecture(), config.seed());
                NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
                NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
                double us = Article.train(fit, x, y, run, TrainingObserver.NONE).microsPerStep();
                if (r >= 0) {
                    micros[r] = us;
                }
            }
        }
        return micros;
    }

    /** The same batch in PyTorch: microseconds per batch step, each repeat (one process each). */
    public static Timing pytorch(PyTorchReference reference, SweepConfiguration configuration, int nets,
            String dataName, TrainingSettings config, int repeats) {
        double[] micros = new double[repeats];
        double initSeconds = 0;
        double peak = -1;
        for (int r = 0; r < repeats; r++) {
            String json;
            try (PyTorchReference.Pending run = reference.startScript("batched.py", List.of(
                    "--nets", Integer.toString(nets),
                    "--model", configuration.depth() == 2 ? "tanh" : "deep",
                    "--data", dataName,
                    "--hidden", Integer.toString(configuration.hidden()),
                    "--activation", configuration.activation().id(),
                    "--first-seed", Integer.toString(config.seed()),
                    "--steps", Integer.toString(config.steps()),
                    "--lr", Float.toString(config.learningRate())));
                    ChildPeakMemory memory = ChildPeakMemory.watch(run.process())) {
                json = run.output();
                peak = Math.max(peak, memory.megabytes());
            }
            String shown = "what the PyTorch batch reference printed";
            JsonObject result = JsonFields.object(BoundedJson.parse(json, shown), shown);
            micros[r] = JsonFields.number(JsonFields.field(result, "loop_seconds", shown + ": "), "loop_seconds")
                    * 1e6 / config.steps();
            initSeconds = Math.max(initSeconds, JsonFields.number(
                    JsonFields.field(result, "init_seconds", shown + ": "), "init_seconds"));
        }
        return new Timing(micros, initSeconds, peak);
    }

    /**
     * @param microsPerBatchStep each repeat's in-loop microseconds per step of the whole batch
     * @param initSeconds drawing the initial parameters (the slowest repeat)
     * @param peakRssMegabytes peak resident memory of the process that trained (-1 if unknown)
     */
    public record Timing(double[] microsPerBatchStep, double initSeconds, double peakRssMegabytes) {}
}
