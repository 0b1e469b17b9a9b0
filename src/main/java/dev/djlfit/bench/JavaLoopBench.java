package dev.djlfit.bench;

import ai.djl.Device;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.training.Backward;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;
import dev.djlfit.training.TrainingRun;

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

    public BenchResult measure(ExperimentSpec spec, TrainingConfig config, Backward backward) {
        TrainingConfig timed = config.withBackward(backward);
        if (warmupSteps > 0) {
            train(spec, timed.withSteps(warmupSteps));
        }
        double[] micros = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            micros[r] = train(spec, timed).microsPerStep();
        }
        return new BenchResult(spec.name(), backward.id(), micros, config.steps(), ResidentMemory.peakMegabytes());
    }

    private TrainingRun train(ExperimentSpec spec, TrainingConfig config) {
        return new ExperimentRunner(device).run(spec, config, TrainingListener.NONE).training();
    }
}
