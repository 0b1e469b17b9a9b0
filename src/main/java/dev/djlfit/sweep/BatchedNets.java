package dev.djlfit.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Architecture;
import dev.djlfit.article.Nets;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.article.StackedLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * K independent nets of one architecture, stacked with the net index last: layer l's weights as
 * one {@code [out, in, K]} array and its biases as {@code [out, 1, K]}. Activations flow as
 * {@code [features, points, K]}: net k's layer computes {@code W_k · h_k + b_k}, the same sum
 * {@code torch.nn.Linear} computes for it alone.
 *
 * <p>Why the net index last: every operation then runs over K contiguous numbers at a time. With
 * K first ({@code [K, out, in]}, the layout {@code torch.bmm} wants), broadcasting a width-1 side
 * leaves libtorch an innermost run of a few points, and the same elementwise products measured
 * about 5-10x slower at K = 1024 (the layout: docs/sweep.md, "How the nets train").
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
     * One net per seed, each with exactly the initial parameters {@link Nets#initialise} gives
     * that seed alone (drawn one seed at a time, then stacked).
     */
    public static BatchedNets initialise(NDManager manager, Architecture architecture, int[] seeds) {
        return stack(manager, architecture, Nets.initialValues(architecture, seeds));
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
            weights.add(stacked(manager, nets, Architecture.weightName(layer), new Shape(out, in, k)));
            biases.add(stacked(manager, nets, Architecture.biasName(layer), new Shape(out, 1, k)));
        }
        return new BatchedNets(architecture, k, weights, biases);
    }

    private static NDArray stacked(
            NDManager manager, List<Map<String, TensorValues>> nets, String name, Shape shape) {
        int k = nets.size();
        int each = (int) (shape.size() / k);
        float[] all = new float[(int) shape.size()];
        for (int net = 0; net < k; net++) {
            TensorValues values = nets.get(net).get(name);
            if (values == null || values.size() != each) {
                throw new IllegalArgumentException("net " + net + " has no " + name + " of " + each + " values");
            }
            float[] own = values.values();
            for (int i = 0; i < each; i++) {
                all[i * k + net] = own[i];
            }
        }
        NDArray array = manager.create(all, shape);
        array.setName(name);
        array.setRequiresGradient(true);
        return array;
    }

    /** @param x {@code [1, points, K]}; returns {@code [1, points, K]} */
    public NDArray forward(NDArray x) {
        NDArray h = x;
        int last = architecture.layerCount() - 1;
        for (int layer = 0; layer <= last; layer++) {
            h = StackedLayout.product(weights.get(layer), h).add(biases.get(layer));
            if (layer < last && architecture.activationOrNull() != null) {
                h = architecture.activationOrNull().apply(h);
            }
        }
        return h;
    }

    /** The same inputs for every net, as {@code [1, points, K]}. */
    public NDArray inputs(NDManager manager, float[] values) {
        float[] all = new float[count * values.length];
        for (int p = 0; p < values.length; p++) {
            java.util.Arrays.fill(all, p * count, (p + 1) * count, values[p]);
        }
        return manager.create(all, new Shape(1, values.length, count));
    }

    /** Each net's mean squared error, {@code [K]}: prediction and target as {@code [1, points, K]}. */
    public NDArray meanSquaredErrors(NDArray prediction, NDArray target) {
        return StackedLayout.meanSquaredErrors(prediction, target, count);
    }

    /** Every net's output at {@code xs}, under no-grad: {@code [net][point]}. */
    public float[][] predict(NDManager manager, float[] xs) {
        try (NDManager scope = manager.newSubManager();
                GradMode noGrad = Torch.noGrad()) {
            float[] flat = forward(inputs(scope, xs)).toFloatArray();
            float[][] perNet = new float[count][xs.length];
            for (int k = 0; k < count; k++) {
                for (int p = 0; p < xs.length; p++) {
                    perNet[k][p] = flat[p * count + k];
                }
            }
            return perNet;
        }
    }

    /** l1.weight, l1.bias, l2.weight, ...: the stacked arrays the optimiser updates. */
    public List<NDArray> parameters() {
        return Architecture.inTorchOrder(weights, biases);
    }

    /** Each net's parameters, copied out, in {@code fit.state_dict()}'s names and shapes. */
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
        int k = nets.size();
        int each = flat.length / k;
        for (int net = 0; net < k; net++) {
            float[] values = new float[each];
            for (int i = 0; i < each; i++) {
                values[i] = flat[i * k + net];
            }
            nets.get(net).put(name, new TensorValues(shape, values));
        }
    }

    public int count() {
        return count;
    }

    public Architecture architecture() {
        return architecture;
    }
}
