package dev.djlfit.model;

import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.EngineDefaults;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article's {@code NNet}: a stack of {@code torch.nn.Linear} layers with an optional
 * activation between them. Parameters are plain {@link NDArray}s owned by the caller's manager,
 * so the training loop can see and update every one of them.
 *
 * <pre>
 * def forward(self, x):            public NDArray forward(NDArray x)
 *     x = self.l1(x)                   x = linear(x, l1.weight, l1.bias)
 *     x = torch.tanh(x)                x = activation.apply(x)
 *     return self.l2(x)                return linear(x, l2.weight, l2.bias)
 * </pre>
 */
public final class Net {

    static {
        EngineDefaults.ensure();
    }

    /** The engine's random generator is global: seeding and drawing must not interleave. */
    private static final Object GENERATOR = new Object();

    private final Architecture architecture;
    private final List<NDArray> weights;
    private final List<NDArray> biases;

    private Net(Architecture architecture, List<NDArray> weights, List<NDArray> biases) {
        this.architecture = architecture;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * {@code torch.manual_seed(seed); fit = NNet()}: draws every parameter as
     * {@code torch.nn.Linear} does, in PyTorch's order, from the engine's generator. The draws
     * happen on the CPU (as PyTorch's do before {@code .cuda()}) and are then placed on the
     * manager's device, so a seed gives the same net on every device.
     */
    public static Net initialise(NDManager manager, Architecture architecture, int seed) {
        return fromValues(manager, architecture, initialValues(architecture, seed));
    }

    /**
     * The values {@link #initialise} gives the parameters, drawn without making a net (the sweep
     * stacks a thousand of them).
     */
    public static Map<String, TensorValues> initialValues(Architecture architecture, int seed) {
        Map<String, TensorValues> drawn = new LinkedHashMap<>();
        synchronized (GENERATOR) {
            Engine.getInstance().setRandomSeed(seed);
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                for (int layer = 0; layer < architecture.layerCount(); layer++) {
                    int in = architecture.inFeatures(layer);
                    int out = architecture.outFeatures(layer);
                    float wb = TorchLinearInit.weightBound(in);
                    float bb = TorchLinearInit.biasBound(in);
                    drawn.put(Architecture.weightName(layer),
                            TensorValues.of(cpu.randomUniform(-wb, wb, new Shape(out, in))));
                    drawn.put(Architecture.biasName(layer),
                            TensorValues.of(cpu.randomUniform(-bb, bb, new Shape(out))));
                }
            }
        }
        return drawn;
    }

    /** A net with the given parameter values, e.g. a saved one or one PyTorch initialised. */
    public static Net fromValues(
            NDManager manager, Architecture architecture, Map<String, TensorValues> values) {
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            Shape weightShape = new Shape(architecture.outFeatures(layer), architecture.inFeatures(layer));
            Shape biasShape = new Shape(architecture.outFeatures(layer));
            weights.add(parameter(manager, values, Architecture.weightName(layer), weightShape));
            biases.add(parameter(manager, values, Architecture.biasName(layer), biasShape));
        }
        return new Net(architecture, weights, biases);
    }

    private static NDArray parameter(
            NDManager manager, Map<String, TensorValues> values, String name, Shape shape) {
        TensorValues value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no values for parameter " + name);
        }
        if (!new Shape(value.shape()).equals(shape)) {
            throw new IllegalArgumentException(
                    name + " has shape " + new Shape(value.shape()) + ", the architecture needs " + shape);
        }
        NDArray array = manager.create(value.values(), shape);
        array.setName(name);
        array.setRequiresGradient(true);
        return array;
    }

    public NDArray forward(NDArray x) {
        NDArray h = x;
        int last = architecture.layerCount() - 1;
        for (int layer = 0; layer <= last; layer++) {
            h = Linear.linear(h, weights.get(layer), biases.get(layer)).singletonOrThrow();
            if (layer < last && architecture.activationOrNull() != null) {
                h = architecture.activationOrNull().apply(h);
            }
        }
        return h;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** {@code fit.parameters()}: l1.weight, l1.bias, l2.weight, l2.bias, ... */
    public List<NDArray> parameters() {
        return Architecture.inTorchOrder(weights, biases);
    }

    /** {@code fit.state_dict()}, copied out of the engine. */
    public Map<String, TensorValues> snapshot() {
        Map<String, TensorValues> values = new LinkedHashMap<>();
        for (NDArray p : parameters()) {
            values.put(p.getName(), TensorValues.of(p));
        }
        return values;
    }
}
