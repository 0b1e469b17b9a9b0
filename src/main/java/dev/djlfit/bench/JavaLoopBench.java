package dev.djlfit.bench;

import ai.djl.Device;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;
import dev.djlfit.article.LoopOutcome;

/** Times this project's training loops: warm-up first, then the median of several runs. */
public final class JavaLoopBench {

    private final Device device;
    private final int warmupSteps;
    private final int repeats;

    public JavaLoopBench(Device device, int warmupSteps, int repeats) {
        this.device = device;
        this.warmupSteps = warmupSteps;
        this.repeats = repeats;
    }

    public BenchResult measure(ExperimentSpec spec, TrainingSettings config, Backward backward) {
        TrainingSettings timed = config.withBackward(backward);
        if (warmupSteps > 0) {
            train(spec, timed.withSteps(warmupSteps));
        }
        double[] micros = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            micros[r] = train(spec, timed).microsPerStep();
        }
        return new BenchResult(spec.name(), backward.id(), micros, config.steps(), ResidentMemory.peakMegabytes());
    }

    private LoopOutcome train(ExperimentSpec spec, TrainingSettings config) {
        return new ExperimentRunner(device).run(spec, config, TrainingObserver.NONE).training();
    }
}
