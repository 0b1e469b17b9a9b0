package dev.djlfit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the hand-written backward pass and the batched nets read of the article's net, which is
 * {@code dev.djlfit.article.Article.NNet}. Transitional: {@code HandWrittenBackwardLoop} and
 * {@code BatchedNets} are being reworked elsewhere; once they name the NNet, this interface goes.
 */
public interface Net {

    Architecture architecture();

    /** {@code list(fit.parameters())}: l1.weight, l1.bias, l2.weight, ... */
    List<NDArray> parameters();

    /**
     * The seed's initial values, drawn as {@code dev.djlfit.article.Nets.initialValues} draws them
     * (the model package cannot reach the article's; a test holds the two bit-equal).
     */
    static Map<String, TensorValues> initialValues(Architecture architecture, int seed) {
        return Torch.seeded(seed, () -> {
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                Map<String, TensorValues> values = new LinkedHashMap<>();
                for (int layer = 0; layer < architecture.layerCount(); layer++) {
                    Linear linear = new Linear(cpu, architecture.inFeatures(layer), architecture.outFeatures(layer), true);
                    values.put(Architecture.weightName(layer), TensorValues.of(linear.weight()));
                    values.put(Architecture.biasName(layer), TensorValues.of(linear.bias()));
                }
                return values;
            }
        });
    }
}
