package dev.djlfit.parity;

import ai.djl.Device;
import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentRunner;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.report.ResultJson;
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

    public ParityComparison run(ExperimentSpec spec, int seed, int steps, float learningRate) {
        TrainingConfig config = new TrainingConfig(steps, learningRate, seed, ResultJson.LOSS_EVERY);
        try (PyTorchReference.Pending pytorch = reference.start(spec, config)) {
            ExperimentResult java = new ExperimentRunner(Device.cpu()).run(spec, config, TrainingListener.NONE);
            ResultJson javaJson = ResultJson.parse(ResultJson.of(java).toJson());
            return ParityComparison.of(javaJson, pytorch.result());
        }
    }
}
