package dev.djlfit.bench;

import ai.djl.Device;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.TrainingSettings;

import java.util.ArrayList;
import java.util.List;

/** Trains each experiment once, long, and samples resident memory after a warm-up and at the end. */
public final class MemoryBench {

    /** One experiment's samples. */
    public record Sample(String experiment, MemoryProbe probe) {}

    private MemoryBench() {}

    public static List<Sample> run(Device device, List<ExperimentSpec> experiments, TrainingSettings config, int warmupSteps) {
        List<Sample> samples = new ArrayList<>();
        for (ExperimentSpec experiment : experiments) {
            MemoryProbe probe = new MemoryProbe(warmupSteps);
            new ExperimentRunner(device).run(experiment, config, probe);
            samples.add(new Sample(experiment.name(), probe));
        }
        return samples;
    }
}
