package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import dev.djlfit.model.Activation;
import dev.djlfit.model.Architecture;
import dev.djlfit.model.Net;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;

import java.util.List;

/**
 * The same SGD loop with the backward pass written out instead of recorded: what
 * {@code loss.backward()} computes for these nets, as a lesson and as a faster path (no autograd
 * graph is built). Chosen with {@code --backward manual}; the default is autograd. Its results
 * are tested against the autograd loop's.
 *
 * <pre>
 * forward:   h0 = x;  z_l = h_{l-1} W_lᵀ + b_l;  h_l = act(z_l) (last layer: no act);  loss = mean((h_L − y)²)
 * backward:  dz_L = 2 (h_L − y) / n
 *            dW_l = dz_lᵀ h_{l-1};  db_l = Σ_rows dz_l;  dz_{l-1} = (dz_l W_l) ⊙ act'(z_{l-1})
 * update:    W_l −= lr · dW_l;  b_l −= lr · db_l
 * </pre>
 */
public final class HandWrittenBackwardLoop {

    public TrainingRun run(
            Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
        NDManager manager = x.getManager();
        Architecture architecture = fit.architecture();
        Activation activation = architecture.activationOrNull();
        int layers = architecture.layerCount();
        List<NDArray> parameters = fit.parameters();
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        try (NDArray lr = manager.create(config.learningRate());
                MSELoss calcLoss = new MSELoss();
                NDArray one = manager.create(1f);
                NDArray zero = manager.create(0f);
                GradMode noGrad = Torch.noGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray[] h = new NDArray[layers + 1];
                    h[0] = x;
                    for (int l = 0; l < layers; l++) {
                        NDArray z = Linear.linear(h[l], weight(parameters, l), bias(parameters, l)).singletonOrThrow();
                        h[l + 1] = l < layers - 1 && activation != null ? activation.apply(z) : z;
                    }
                    MSELoss.Lazy loss = calcLoss.lazy(h[layers], y);
                    recorder.offer(i, loss::value);
                    NDArray dz = loss.gradient();
                    for (int l = layers - 1; l >= 0; l--) {
                        NDArray w = weight(parameters, l);
                        NDArray dw = dz.transpose().matMul(h[l]);
                        NDArray db = dz.sum(new int[] {0});
                        if (l > 0) {
                            NDArray dh = dz.matMul(w);
                            dz = activation == null ? dh : dh.mul(derivative(activation, h[l], one, zero));
                        }
                        w.subi(dw.mul(lr));
                        bias(parameters, l).subi(db.mul(lr));
                    }
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new TrainingRun(recorder.losses(), loopNanos, config.steps());
    }

    /** act'(z), written in terms of the activation's output h = act(z); one and zero are scalars. */
    public static NDArray derivative(Activation activation, NDArray h, NDArray one, NDArray zero) {
        return switch (activation) {
            case TANH -> one.sub(h.square());
            case SIGMOID -> h.mul(one.sub(h));
            case RELU -> h.gt(zero).toType(DataType.FLOAT32, false);
        };
    }

    private static NDArray weight(List<NDArray> parameters, int layer) {
        return parameters.get(2 * layer);
    }

    private static NDArray bias(List<NDArray> parameters, int layer) {
        return parameters.get(2 * layer + 1);
    }
}
