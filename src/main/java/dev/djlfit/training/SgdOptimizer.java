package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.SGD(fit.parameters(), lr=lr)}, plain: no momentum, no weight decay.
 * The learning rate is an NDArray made once: scalar overloads such as {@code mul(Number)} hand
 * libtorch Java-owned memory and gave wrong gradients inside the graph.
 *
 * <p>Each parameter's gradient tensor is looked up once, at the first step, and kept: autograd
 * accumulates into that same tensor and {@link #zeroGrad()} clears it in place, so a fresh
 * lookup per step would only cost a native call and a Java object.
 */
public final class SgdOptimizer implements Optimizer {

    private final List<NDArray> parameters;
    private final NDArray learningRate;
    private List<NDArray> gradients;

    public SgdOptimizer(List<NDArray> parameters, float learningRate, NDManager manager) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = manager.create(learningRate);
    }

    /** {@code optimizer.step()}: p ← p − lr·∂loss/∂p, for every parameter, under no-grad. */
    @Override
    public void step() {
        List<NDArray> grads = gradients();
        try (Autograd.Mode noGrad = Autograd.noGrad()) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).subi(grads.get(i).mul(learningRate));
            }
        }
    }

    /** {@code optimizer.zero_grad()}: DJL's PyTorch engine does not clear gradients by itself. */
    @Override
    public void zeroGrad() {
        for (NDArray p : parameters) {
            Autograd.zeroGrad(p);
        }
    }

    private List<NDArray> gradients() {
        if (gradients == null) {
            gradients = new ArrayList<>();
            for (NDArray p : parameters) {
                NDArray gradient = p.getGradient();
                NDScope.unregister(gradient);
                gradients.add(gradient);
            }
        }
        return gradients;
    }

    @Override
    public void close() {
        learningRate.close();
        if (gradients != null) {
            gradients.forEach(NDArray::close);
        }
    }
}
