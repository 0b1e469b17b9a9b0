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

    public BenchResult measure(ExperimentSpec spec, TrainingConfig config) {
        double[] micros = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            micros[r] = loopSeconds(spec, config) * 1e6 / config.steps();
        }
        return new BenchResult(spec.name(), "pytorch", micros, config.steps(), -1);
    }

    /** One run's time in the training loop alone, in seconds. */
    public double loopSeconds(ExperimentSpec spec, TrainingConfig config) {
        ResultJson run = reference.run(spec, config);
        if (!Double.isFinite(run.loopSeconds())) {
            throw new IllegalStateException(reference.script() + " did not report loop_seconds");
        }
        return run.loopSeconds();
    }
}
