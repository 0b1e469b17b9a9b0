package dev.djlfit.bench;

import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.experiment.ResultJson;
import dev.djlfit.training.TrainingConfig;

/**
 * Times the article's own PyTorch code (the project's reference script) on the same experiment:
 * its in-loop time per step, the median of several runs, each in its own Python process.
 */
public final class PyTorchBench {

    private final PyTorchReference reference;
    private final int repeats;

    public PyTorchBench(PyTorchReference reference, int repeats) {
        this.reference = reference;
        this.repeats = repeats;
    }

    /** The median in-loop time per step over the repeats, and the Python process's peak resident memory. */
    public BenchResult measure(ExperimentSpec spec, TrainingConfig config) {
        double[] micros = new double[repeats];
        double peak = -1;
        for (int r = 0; r < repeats; r++) {
            try (PyTorchReference.Pending run = reference.start(spec, config);
                    ChildPeakMemory memory = ChildPeakMemory.watch(run.process())) {
                micros[r] = loopSeconds(run.result()) * 1e6 / config.steps();
                peak = Math.max(peak, memory.megabytes());
            }
        }
        return new BenchResult(spec.name(), "pytorch", micros, config.steps(), peak);
    }

    /** One run's time in the training loop alone, in seconds. */
    public double loopSeconds(ExperimentSpec spec, TrainingConfig config) {
        return loopSeconds(reference.run(spec, config));
    }

    private double loopSeconds(ResultJson run) {
        if (!Double.isFinite(run.loopSeconds())) {
            throw new IllegalStateException(reference.script() + " did not report loop_seconds");
        }
        return run.loopSeconds();
    }
}
