package dev.djlfit.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.model.Activation;
import dev.djlfit.model.Architecture;
import dev.djlfit.training.HandWrittenBackwardLoop;

import java.util.List;

/**
 * One SGD step of K stacked nets with the backward pass written out (no autograd graph): the
 * batched form of {@link HandWrittenBackwardLoop}, on {@code [features, points, K]} activations.
 *
 * <pre>
 * forward:   h_0 = x;  z_l = W_l · h_{l-1} + b_l;  h_l = act(z_l) (last layer: none)
 * backward:  dz_L = lr · 2 (h_L − y) / n              (n: one net's points; lr folded in here)
 *            dW_l = dz_l · h_{l-1}ᵀ;  db_l = Σ_points dz_l;  dz_{l-1} = (W_lᵀ · dz_l) ⊙ act'(z_{l-1})
 * update:    W_l −= dW_l;  b_l −= db_l
 * </pre>
 *
 * Every gradient is linear in dz_L, so multiplying dz_L by the learning rate once gives lr·dW and
 * lr·db directly. Products with a side of width 1 are broadcast products (and a sum), as in
 * {@link BatchedNets#product}, and so are small hidden-to-hidden ones; larger ones are batched
 * matrix products with the nets moved first.
 */
final class BatchedHandWrittenBackward implements AutoCloseable {

    private final Architecture architecture;
    private final List<NDArray> parameters;
    private final NDArray one;
    private final NDArray zero;
    private final NDArray lrTwoOverN;

    BatchedHandWrittenBackward(BatchedNets nets, float learningRate, long pointsPerNet, NDManager manager) {
        this.architecture = nets.architecture();
        this.parameters = nets.parameters();
        this.one = manager.create(1f);
        this.zero = manager.create(0f);
        this.lrTwoOverN = manager.create(learningRate * 2f / pointsPerNet);
    }

    /** Forward, backward and update, under no-grad; returns the prediction (before the update). */
    NDArray step(NDArray x, NDArray y) {
        int layers = architecture.layerCount();
        Activation activation = architecture.activationOrNull();
        NDArray[] h = new NDArray[layers + 1];
        h[0] = x;
        for (int l = 0; l < layers; l++) {
            NDArray z = BatchedNets.product(weight(l), h[l]).addi(bias(l));
            h[l + 1] = l < layers - 1 && activation != null ? activation.apply(z) : z;
        }
        NDArray dz = h[layers].sub(y).muli(lrTwoOverN);
        for (int l = layers - 1; l >= 0; l--) {
            NDArray w = weight(l);
            NDArray dw = weightGradient(w, dz, h[l]);
            NDArray db = dz.sum(new int[] {1}, true);
            if (l > 0) {
                NDArray dh = inputGradient(w, dz);
                dz = activation == null ? dh : dh.muli(HandWrittenBackwardLoop.derivative(activation, h[l], one, zero));
            }
            w.subi(dw);
            bias(l).subi(db);
        }
        return h[layers];
    }

    /** {@code dz · hᵀ}: {@code [out, P, K]} and {@code [in, P, K]} to {@code [out, in, K]}. */
    static NDArray weightGradient(NDArray w, NDArray dz, NDArray h) {
        Shape shape = w.getShape();
        long out = shape.get(0);
        long in = shape.get(1);
        if (in == 1 || out == 1) {
            return dz.mul(h).sum(new int[] {1}, true).reshape(shape);
        }
        long points = h.getShape().get(1);
        long k = shape.get(2);
        if (BatchedNets.broadcastPays(out, in, points)) {
            return dz.reshape(out, 1, points, k).mul(h.reshape(1, in, points, k)).sum(new int[] {2});
        }
        return dz.transpose(2, 0, 1).batchMatMul(h.transpose(2, 1, 0)).transpose(1, 2, 0);
    }

    /** {@code Wᵀ · dz}: {@code [out, in, K]} and {@code [out, P, K]} to {@code [in, P, K]}. */
    static NDArray inputGradient(NDArray w, NDArray dz) {
        Shape shape = w.getShape();
        long out = shape.get(0);
        long in = shape.get(1);
        if (out == 1) {
            return w.reshape(in, 1, shape.get(2)).mul(dz);
        }
        if (in == 1) {
            return w.mul(dz).sum(new int[] {0}, true);
        }
        long points = dz.getShape().get(1);
        long k = shape.get(2);
        if (BatchedNets.broadcastPays(out, in, points)) {
            return w.reshape(out, in, 1, k).mul(dz.reshape(out, 1, points, k)).sum(new int[] {0});
        }
        return w.transpose(2, 1, 0).batchMatMul(dz.transpose(2, 0, 1)).transpose(1, 2, 0);
    }

    private NDArray weight(int layer) {
        return parameters.get(2 * layer);
    }

    private NDArray bias(int layer) {
        return parameters.get(2 * layer + 1);
    }

    @Override
    public void close() {
        one.close();
        zero.close();
        lrTwoOverN.close();
    }
}
