package dev.djlfit.torch.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.Optimizer}: {@link #step()} updates every parameter from its {@code .grad}
 * under no-grad; {@link #zeroGrad()} clears the gradients in place. The state an optimizer keeps
 * (moments, momentum buffers) and the scalars of its formulas are arrays made once, in the
 * constructor, on the first parameter's manager, outside any step's scope, and freed by
 * {@link #close()}. (A scalar overload such as {@code mul(Number)} per step would cost a native
 * array per use, and inside autograd's reach gave wrong gradients.)
 */
public abstract class Optimizer implements AutoCloseable {

    private final List<NDArray> parameters;
    private final NDManager manager;
    private final List<NDArray> owned = new ArrayList<>();
    private List<NDArray> gradients;

    protected Optimizer(List<NDArray> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        this.parameters = List.copyOf(parameters);
        this.manager = this.parameters.get(0).getManager();
    }

    /** {@code optimizer.step()}. */
    public final void step() {
        List<NDArray> grads = gradients();
        try (NDScope scope = new NDScope();
                GradMode noGrad = Torch.noGrad()) {
            update(parameters, grads);
        }
    }

    /**
     * One update of every parameter from its gradient, in place; runs under no-grad, inside a
     * scope that frees the temporaries.
     */
    protected abstract void update(List<NDArray> parameters, List<NDArray> gradients);

    /** {@code optimizer.zero_grad()}: each {@code .grad} set to zero in place. */
    public final void zeroGrad() {
        for (NDArray p : parameters) {
            Torch.zeroGrad(p);
        }
    }

    public final List<NDArray> parameters() {
        return parameters;
    }

    /** A scalar of the update's formula, made once. */
    protected final NDArray constant(double value) {
        NDArray c = manager.create((float) value);
        NDScope.unregister(c);
        owned.add(c);
        return c;
    }

    /** A state tensor of zeros shaped like {@code parameter} (a moment, a momentum buffer). */
    protected final NDArray zerosLike(NDArray parameter) {
        NDArray z = parameter.getManager().zeros(parameter.getShape(), parameter.getDataType(), parameter.getDevice());
        NDScope.unregister(z);
        owned.add(z);
        return z;
    }

    /** A per-step scalar, freed with the step. */
    protected final NDArray scalar(double value) {
        return manager.create((float) value);
    }

    /**
     * The gradient tensors, looked up once at the first step and kept: autograd accumulates into
     * the same tensor and {@link #zeroGrad()} clears it in place, so a lookup per step would only
     * cost a native call and a Java object.
     */
    private List<NDArray> gradients() {
        if (gradients == null) {
            List<NDArray> found = new ArrayList<>();
            for (NDArray p : parameters) {
                NDArray gradient = Torch.grad(p);
                if (gradient == null) {
                    throw new IllegalStateException("optimizer.step() before any backward pass: "
                            + p.getName() + " has no grad");
                }
                NDScope.unregister(gradient);
                found.add(gradient);
            }
            gradients = found;
        }
        return gradients;
    }

    @Override
    public void close() {
        owned.forEach(NDArray::close);
        if (gradients != null) {
            gradients.forEach(NDArray::close);
        }
    }
}
