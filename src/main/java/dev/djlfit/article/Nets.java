package dev.djlfit.article;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link NNet}s from a seed or from given values, and a seed's values drawn without keeping a net. */
public final class Nets {

    private Nets() {}

    /**
     * {@code torch.manual_seed(seed); fit = NNet()}: every Linear draws its weight and then its
     * bias, in layer order, from the engine's generator, with no other thread seeding or drawing
     * in between. The draws happen on the CPU (as PyTorch's do before {@code .cuda()}) and are then
     * placed on the manager's device, so a seed gives the same net on every device.
     */
    public static NNet initialise(NDManager manager, Architecture architecture, int seed) {
        return fromValues(manager, architecture, initialValues(architecture, seed));
    }

    /** The values {@link #initialise} gives the parameters, drawn without keeping a net (the sweep stacks a thousand). */
    public static Map<String, TensorValues> initialValues(Architecture architecture, int seed) {
        return Torch.seeded(seed, () -> {
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                return new NNet(cpu, architecture).stateDict();
            }
        });
    }

    /** {@link #initialValues} for each seed, one seed at a time. */
    public static List<Map<String, TensorValues>> initialValues(Architecture architecture, int[] seeds) {
        List<Map<String, TensorValues>> nets = new ArrayList<>();
        for (int seed : seeds) {
            nets.add(initialValues(architecture, seed));
        }
        return nets;
    }

    /** A net with the given parameter values, e.g. a saved one or one PyTorch initialised. */
    public static NNet fromValues(NDManager manager, Architecture architecture, Map<String, TensorValues> values) {
        return new NNet(architecture, layer -> new Linear(
                array(manager, values, Architecture.weightName(layer),
                        new Shape(architecture.outFeatures(layer), architecture.inFeatures(layer))),
                array(manager, values, Architecture.biasName(layer), new Shape(architecture.outFeatures(layer)))));
    }

    private static NDArray array(NDManager manager, Map<String, TensorValues> values, String name, Shape shape) {
        TensorValues value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no values for parameter " + name);
        }
        if (!new Shape(value.shape()).equals(shape)) {
            throw new IllegalArgumentException(
                    name + " has shape " + new Shape(value.shape()) + ", the architecture needs " + shape);
        }
        return manager.create(value.values(), shape);
    }
}
