package dev.djlfit.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.model.Architecture;
import dev.djlfit.model.Net;
import dev.djlfit.model.TensorValues;
import dev.djlfit.training.Autograd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * K independent nets of one architecture, stacked: layer l's weights as one {@code [K, out, in]}
 * array and its biases as {@code [K, out, 1]}, so one batched matrix product runs a layer of all K
 * nets at once. Activations flow as {@code [K, features, points]}: net k's layer computes
 * {@code W_k · h_k + b_k}, the same sum {@code torch.nn.Linear} computes for it alone.
 *
 * <p>Nothing couples the nets: net k's outputs depend only on its own slices, so a loss that is a
 * sum of per-net losses gives each net exactly the gradient it would get alone.
 */
public final class BatchedNets {

    private final Architecture architecture;
    private final int count;
    private final List<NDArray> weights;
    private final List<NDArray> biases;

    private BatchedNets(Architecture architecture, int count, List<NDArray> weights, List<NDArray> biases) {
        this.architecture = architecture;
        this.count = count;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * One net per seed, each with exactly the initial parameters {@link Net#initialise} gives
     * that seed alone (drawn one seed at a time, then stacked).
     */
    public static BatchedNets initialise(NDManager manager, Architecture architecture, int[] seeds) {
        List<Map<String, TensorValues>> nets = new ArrayList<>();
        for (int seed : seeds) {
            try (NDManager scratch = manager.newSubManager()) {
                nets.add(Net.initialise(scratch, architecture, seed).snapshot());
            }
        }
        return stack(manager, architecture, nets);
    }

    /** Stacks nets given as {@code state_dict}-like maps (l1.weight, l1.bias, ...). */
    public static BatchedNets stack(
            NDManager manager, Architecture architecture, List<Map<String, TensorValues>> nets) {
        int k = nets.size();
        if (k == 0) {
            throw new IllegalArgumentException("no nets to stack");
        }
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            int out = architecture.outFeatures(layer);
            int in = architecture.inFeatures(layer);
            weights.add(stacked(manager, nets, Architecture.weightName(layer), new Shape(k, out, in)));
            biases.add(stacked(manager, nets, Architecture.biasName(layer), new Shape(k, out, 1)));
        }
        return new BatchedNets(architecture, k, weights, biases);
    }

    private static NDArray stacked(
            NDManager manager, List<Map<String, TensorValues>> nets, String name, Shape shape) {
        int each = (int) (shape.size() / nets.size());
        float[] all = new float[(int) shape.size()];
        for (int i = 0; i < nets.size(); i++) {
            TensorValues values = nets.get(i).get(name);
            if (values == null || values.size() != each) {
                throw new IllegalArgumentException("net " + i + " has no " + name + " of " + each + " values");
            }
            System.arraycopy(values.values(), 0, all, i * each, each);
        }
        NDArray array = manager.create(all, shape);
        array.setName(name);
        array.setRequiresGradient(true);
        return array;
    }

    /** @param x {@code [K, 1, points]}; returns {@code [K, 1, points]} */
    public NDArray forward(NDArray x) {
        NDArray h = x;
        int last = architecture.layerCount() - 1;
        for (int layer = 0; layer <= last; layer++) {
            h = product(weights.get(layer), h).add(biases.get(layer));
            if (layer < last && architecture.activationOrNull() != null) {
                h = architecture.activationOrNull().apply(h);
            }
        }
        return h;
    }

    /**
     * {@code W_k · h_k} for every k: {@code [K, out, in] x [K, in, points]}. A layer with one input
     * or one output has nothing to sum over or only one sum per point, and libtorch's batched
     * matrix product is slow on such thin matrices (it runs one small product per net), so those
     * are written as a broadcast product (and a sum over the inputs): the same numbers, computed
     * as one elementwise kernel over all nets.
     */
    static NDArray product(NDArray w, NDArray h) {
        Shape shape = w.getShape();
        long in = shape.get(2);
        long out = shape.get(1);
        if (in == 1) {
            return w.mul(h);
        }
        if (out == 1) {
            return w.reshape(shape.get(0), in, 1).mul(h).sum(new int[] {1}, true);
        }
        return w.batchMatMul(h);
    }

    /** The same inputs for every net, as {@code [K, 1, points]}. */
    public NDArray inputs(NDManager manager, float[] values) {
        float[] all = new float[count * values.length];
        for (int k = 0; k < count; k++) {
            System.arraycopy(values, 0, all, k * values.length, values.length);
        }
        return manager.create(all, new Shape(count, 1, values.length));
    }

    /** Every net's output at {@code xs}, under no-grad: {@code [net][point]}. */
    public float[][] predict(NDManager manager, float[] xs) {
        try (NDManager scope = manager.newSubManager();
                Autograd.Mode noGrad = Autograd.noGrad()) {
            float[] flat = forward(inputs(scope, xs)).toFloatArray();
            float[][] perNet = new float[count][xs.length];
            for (int k = 0; k < count; k++) {
                System.arraycopy(flat, k * xs.length, perNet[k], 0, xs.length);
            }
            return perNet;
        }
    }

    /** l1.weight, l1.bias, l2.weight, ...: the stacked arrays the optimiser updates. */
    public List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>();
        for (int layer = 0; layer < weights.size(); layer++) {
            all.add(weights.get(layer));
            all.add(biases.get(layer));
        }
        return all;
    }

    /** Each net's parameters, copied out, in {@link Net#snapshot()}'s names and shapes. */
    public List<Map<String, TensorValues>> snapshots() {
        List<Map<String, TensorValues>> nets = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            nets.add(new LinkedHashMap<>());
        }
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            int out = architecture.outFeatures(layer);
            int in = architecture.inFeatures(layer);
            split(weights.get(layer).toFloatArray(), Architecture.weightName(layer), new long[] {out, in}, nets);
            split(biases.get(layer).toFloatArray(), Architecture.biasName(layer), new long[] {out}, nets);
        }
        return nets;
    }

    private static void split(float[] flat, String name, long[] shape, List<Map<String, TensorValues>> nets) {
        int each = flat.length / nets.size();
        for (int k = 0; k < nets.size(); k++) {
            float[] values = new float[each];
            System.arraycopy(flat, k * each, values, 0, each);
            nets.get(k).put(name, new TensorValues(shape, values));
        }
    }

    public int count() {
        return count;
    }

    public Architecture architecture() {
        return architecture;
    }
}
