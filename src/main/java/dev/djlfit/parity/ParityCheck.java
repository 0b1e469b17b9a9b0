package dev.djlfit.parity;

import ai.djl.Device;
import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.experiment.ResultJson;
import dev.djlfit.training.OptimizerKind;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.TrainingListener;

/**
 * Runs an experiment on both sides, the PyTorch reference in its process and the Java port in
 * this one at the same time, and compares what each wrote. The Java side goes through the same
 * JSON that {@code train --json} writes, so the check covers that too.
 */
public final class ParityCheck {

    private final PyTorchReference reference;

    public ParityCheck(PyTorchReference reference) {
        this.reference = reference;
    }

    /** Both sides of {@code spec} trained as {@code config} says (the Java side with its backward). */
    public ParityComparison run(ExperimentSpec spec, TrainingConfig requested) {
        if (requested.optimizer() != OptimizerKind.SGD || requested.normalize()) {
            throw new IllegalArgumentException("the PyTorch reference is the article's: plain SGD on the raw data"
                    + " (no --optimizer adam, no --normalize)");
        }
        TrainingConfig config = new TrainingConfig(requested.steps(), requested.learningRate(), requested.seed(),
                ResultJson.LOSS_EVERY, requested.optimizer(), requested.normalize(), requested.backward());
        try (PyTorchReference.Pending pytorch = reference.start(spec, config)) {
            ExperimentResult java = new ExperimentRunner(Device.cpu()).run(spec, config, TrainingListener.NONE);
            ResultJson javaJson = ResultJson.parse(ResultJson.of(java).toJson());
            return ParityComparison.of(javaJson, pytorch.result());
        }
    }
}
