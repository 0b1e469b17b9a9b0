package dev.djlfit.experiment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.djlfit.data.Dataset;
import dev.djlfit.model.ModelDescription;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.model.SaveTarget;
import dev.djlfit.model.SavedModel;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.training.TrainingConfig;

import java.io.IOException;

/** Between experiments and saved models: save what a run trained; predict with what was saved. */
public final class SavedModels {

    private SavedModels() {}

    /** Saves the trained net of {@code result}, its scaling and how it was trained. */
    public static void save(ExperimentResult result, SaveTarget target) throws IOException {
        TrainingConfig config = result.config();
        Dataset data = result.spec().data();
        SavedModel.write(
                target,
                result.spec().architecture(),
                result.finalParameters(),
                result.scaling(),
                new ModelDescription.TrainingInfo(
                        config.optimizer().id(), config.learningRate(), config.steps(), config.seed(), result.finalLoss()),
                new ModelDescription.DataInfo(
                        data.name(), data.size(), data.minX(), data.maxX(),
                        data.truth().map(t -> t.formula()).orElse(null)));
    }

    /** {@code y = fit(x)} of a saved net, in the data's own units. */
    public static float[] predict(SavedModel model, Device device, float[] xs) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NNet fit = Nets.fromValues(manager, model.architecture(), model.parameters());
            return ExperimentRunner.predict(fit, manager, model.scaling(), TensorValues.column(xs)).y().values();
        }
    }
}
