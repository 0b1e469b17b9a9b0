package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

/**
 * {@code torch.optim.SGD(fit.parameters(), lr=lr)}, plain: no momentum, no weight decay.
 * The learning rate is an NDArray made once: scalar overloads such as {@code mul(Number)} hand
 * libtorch Java-owned memory and gave wrong gradients inside the graph.
 */
public final class SgdOptimizer implements Optimizer {

    private final List<NDArray> parameters;
    private final NDArray learningRate;

    public SgdOptimizer(List<NDArray> parameters, float learningRate, NDManager manager) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = manager.create(learningRate);
    }

    /** {@code optimizer.step()}: p ← p − lr·∂loss/∂p, for every parameter, under no-grad. */
    @Override
    public void step() {
        try (Autograd.Mode noGrad = Autograd.noGrad()) {
            for (NDArray p : parameters) {
                p.subi(p.getGradient().mul(learningRate));
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

    @Override
    public void close() {
        learningRate.close();
    }
}
