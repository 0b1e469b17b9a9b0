package dev.djlfit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The article's {@code NNet}: a kit {@link Module} with children {@code l1}, {@code l2}, ...
 * ({@code torch.nn.Linear} layers) and an optional activation between them, applied in forward
 * as the article applies {@code torch.tanh}. Its state_dict names are PyTorch's: l1.weight,
 * l1.bias, l2.weight, ...
 *
 * <pre>
 * class NNet(torch.nn.Module):          public final class Net extends Module
 *     def __init__(self):                   private Net(...)
 *         self.l1 = nn.Linear(1, 10)            registerModule("l1", new Linear(...))
 *         self.l2 = nn.Linear(10, 1)            ...
 *     def forward(self, x):                 public NDArray forward(NDArray x)
 *         x = self.l1(x)                        x = l1.forward(x)
 *         x = torch.tanh(x)                     x = activation.apply(x)
 *         return self.l2(x)                     return l2.forward(x)
 * </pre>
 */
public final class Net extends Module {

    private final Architecture architecture;
    /** The children in order, for forward (which runs every step) to walk without copying. */
    private final List<Linear> layers;

    private Net(Architecture architecture, List<Linear> linears) {
        this.architecture = architecture;
        this.layers = List.copyOf(linears);
        for (int layer = 0; layer < linears.size(); layer++) {
            registerModule(Architecture.layerName(layer), linears.get(layer));
        }
    }

    /**
     * {@code torch.manual_seed(seed); fit = NNet()}: every Linear draws its weight and then its
     * bias, in layer order, from the engine's generator, with no other thread seeding or drawing
     * in between. The draws happen on the CPU (as PyTorch's do before {@code .cuda()}) and are then
     * placed on the manager's device, so a seed gives the same net on every device.
     */
    public static Net initialise(NDManager manager, Architecture architecture, int seed) {
        return fromValues(manager, architecture, initialValues(architecture, seed));
    }

    /**
     * The values {@link #initialise} gives the parameters, drawn without keeping a net (the sweep
     * stacks a thousand of them).
     */
    public static Map<String, TensorValues> initialValues(Architecture architecture, int seed) {
        return Torch.seeded(seed, () -> {
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                List<Linear> linears = new ArrayList<>();
                for (int layer = 0; layer < architecture.layerCount(); layer++) {
                    linears.add(new Linear(cpu, architecture.inFeatures(layer), architecture.outFeatures(layer), true));
                }
                return new Net(architecture, linears).stateDict();
            }
        });
    }

    /** A net with the given parameter values, e.g. a saved one or one PyTorch initialised. */
    public static Net fromValues(
            NDManager manager, Architecture architecture, Map<String, TensorValues> values) {
        List<Linear> linears = new ArrayList<>();
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            Shape weightShape = new Shape(architecture.outFeatures(layer), architecture.inFeatures(layer));
            Shape biasShape = new Shape(architecture.outFeatures(layer));
            linears.add(new Linear(
                    array(manager, values, Architecture.weightName(layer), weightShape),
                    array(manager, values, Architecture.biasName(layer), biasShape)));
        }
        return new Net(architecture, linears);
    }

    private static NDArray array(
            NDManager manager, Map<String, TensorValues> values, String name, Shape shape) {
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

    @Override
    public NDArray forward(NDArray x) {
        NDArray h = x;
        int last = layers.size() - 1;
        for (int layer = 0; layer <= last; layer++) {
            h = layers.get(layer).forward(h);
            if (layer < last && architecture.activationOrNull() != null) {
                h = architecture.activationOrNull().apply(h);
            }
        }
        return h;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** PyTorch prints the article's class as {@code NNet}. */
    @Override
    protected String moduleName() {
        return "NNet";
    }
}
