package dev.djlfit.bench;

import ai.djl.Device;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.training.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

/** Trains each experiment once, long, and samples resident memory after a warm-up and at the end. */
public final class MemoryBench {

    /** One experiment's samples. */
    public record Sample(String experiment, MemoryProbe probe) {}

    private MemoryBench() {}

    public static List<Sample> run(Device device, List<ExperimentSpec> experiments, TrainingConfig config, int warmupSteps) {
        List<Sample> samples = new ArrayList<>();
        for (ExperimentSpec experiment : experiments) {
            MemoryProbe probe = new MemoryProbe(warmupSteps);
            new ExperimentRunner(device).run(experiment, config, probe);
            samples.add(new Sample(experiment.name(), probe));
        }
        return samples;
    }
}
