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
     * scope that frees the temporaries. A null gradient is a parameter no backward pass has
     * reached yet: it is skipped, its state untouched, as torch.optim skips {@code p.grad is None}.
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
     * The gradient tensors, each looked up once it exists and kept: autograd accumulates into the
     * same tensor and {@link #zeroGrad()} clears it in place, so a lookup per step would only cost
     * a native call and a Java object. A parameter no backward pass has reached yet has none
     * (PyTorch's {@code p.grad is None}): its entry is null, and torch.optim skips it.
     */
    private List<NDArray> gradients() {
        if (gradients == null) {
            gradients = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                gradients.add(null);
            }
        }
        boolean any = false;
        for (int i = 0; i < parameters.size(); i++) {
            if (gradients.get(i) == null) {
                NDArray gradient = Torch.grad(parameters.get(i));
                if (gradient != null) {
                    NDScope.unregister(gradient);
                    gradients.set(i, gradient);
                }
            }
            any |= gradients.get(i) != null;
        }
        if (!any) {
            throw new IllegalStateException("optimizer.step() before any backward pass: no parameter has a grad");
        }
        return gradients;
    }

    @Override
    public void close() {
        owned.forEach(NDArray::close);
        if (gradients != null) {
            gradients.stream().filter(g -> g != null).forEach(NDArray::close);
        }
    }
}
