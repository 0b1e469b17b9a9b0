package dev.djlfit.article.saving;

import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentRunner;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.article.TrainingSettings;

import java.io.IOException;

/** Between experiments and saved models: save what a run trained; predict with what was saved. */
public final class SavedModels {

    private SavedModels() {}

    /** Saves the trained net of {@code result}, its scaling and how it was trained. */
    public static void save(ExperimentResult result, SaveTarget target) throws IOException {
        TrainingSettings config = result.config();
        DataPoints data = result.spec().data();
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
