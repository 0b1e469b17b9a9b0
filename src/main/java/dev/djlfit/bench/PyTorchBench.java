package dev.djlfit.bench;

import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.program.Trace;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.ArticleExperiment;

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
    public BenchResult measure(ExperimentSpec spec, TrainingSettings config) {
        double[] micros = new double[repeats];
        double peak = -1;
        for (int r = 0; r < repeats; r++) {
            try (PyTorchReference.ReferenceProcess run = start(spec, config);
                    ChildPeakMemory memory = ChildPeakMemory.watch(run.process())) {
                micros[r] = loopSeconds(run.trace()) * 1e6 / config.steps();
                peak = Math.max(peak, memory.megabytes());
            }
        }
        return new BenchResult(spec.name(), "pytorch", micros, config.steps(), peak);
    }

    /** One run's time in the training loop alone, in seconds. */
    public double loopSeconds(ExperimentSpec spec, TrainingSettings config) {
        try (PyTorchReference.ReferenceProcess run = start(spec, config)) {
            return loopSeconds(run.trace());
        }
    }

    /** The article's script ({@code article.py}) on the experiment, as {@code compare} runs it. */
    private PyTorchReference.ReferenceProcess start(ExperimentSpec spec, TrainingSettings config) {
        return reference.start(new ArticleExperiment(spec, config), config.seed(), config.steps(), null);
    }

    private double loopSeconds(Trace run) {
        if (!(run.loopSeconds() > 0)) {
            throw new IllegalStateException(reference.script("article.py") + " did not report loop_seconds");
        }
        return run.loopSeconds();
    }
}
