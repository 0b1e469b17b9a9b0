package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.nn.Sequential(m0, m1, ...)}: the modules applied in turn, named {@code 0},
 * {@code 1}, ... so that parameters are {@code 0.weight}, {@code 0.bias}, ...
 */
public final class Sequential extends Module {

    private final Module[] modules;

    public Sequential(Module... modules) {
        this.modules = modules.clone();
        for (int i = 0; i < modules.length; i++) {
            registerModule(Integer.toString(i), modules[i]);
        }
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray h = x;
        for (Module m : modules) {
            h = m.forward(h);
        }
        return h;
    }

    /** {@code model[index]}, e.g. {@code Linear linear = model.get(0);}. */
    @SuppressWarnings("unchecked")
    public <M extends Module> M get(int index) {
        return (M) modules[index];
    }

    /** {@code len(model)}. */
    public int size() {
        return modules.length;
    }
}
