package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code torch.nn.Module}: named parameters and named children, in the order they are
 * registered, as PyTorch keeps them. Parameters are plain {@link NDArray}s that require grad
 * (DJL's Blocks are not used: they bring their own initialisation and parameter store).
 *
 * <pre>
 * class Polynomial3(torch.nn.Module):                    class Polynomial3 extends Module {
 *     def __init__(self):                                    Polynomial3(NDManager m) {
 *         super().__init__()
 *         self.a = torch.nn.Parameter(torch.randn(()))           a = registerParameter("a", Torch.randn(m));
 *     def forward(self, x):                                  public NDArray forward(NDArray x) {
 *         return self.a + self.b * x + ...                       return a.add(b.mul(x)) ...;
 * </pre>
 *
 * A module registers its children after making them (bottom up, as a Java constructor does):
 * {@link #registerModule} then renames each of the child's parameter arrays with the child's
 * name in front, so {@code NDArray.getName()} reads PyTorch's dotted name, e.g. {@code l1.weight}.
 */
public abstract class Module {

    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** {@code module(x)}. */
    public abstract NDArray forward(NDArray x);

    /**
     * {@code self.name = torch.nn.Parameter(value)}: {@code value} now requires grad and is one of
     * this module's parameters, in registration order.
     *
     * @return {@code value}
     */
    protected final NDArray registerParameter(String name, NDArray value) {
        checkName(name);
        value.setRequiresGradient(true);
        value.setName(name);
        parameters.put(name, value);
        return value;
    }

    /** {@code self.name = child}: a submodule, whose parameters follow this module's own. */
    protected final <M extends Module> M registerModule(String name, M child) {
        checkName(name);
        for (NDArray p : child.parameters()) {
            p.setName(name + "." + p.getName());
        }
        children.put(name, child);
        return child;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("a parameter or module name must be non-empty and have no dot: " + name);
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    /** {@code list(module.parameters())}: own parameters first, then each child's, recursively. */
    public final List<NDArray> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** {@code dict(module.named_parameters())}: dotted names, PyTorch's order. */
    public final Map<String, NDArray> namedParameters() {
        Map<String, NDArray> named = new LinkedHashMap<>(parameters);
        children.forEach((childName, child) ->
                child.namedParameters().forEach((name, p) -> named.put(childName + "." + name, p)));
        return named;
    }

    /** {@code dict(module.named_children())}. */
    public final Map<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** {@code module.name} for a child module registered as {@code name}. */
    @SuppressWarnings("unchecked")
    public final <M extends Module> M child(String name) {
        Module child = children.get(name);
        if (child == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no module named " + name);
        }
        return (M) child;
    }

    /**
     * {@code module.zero_grad()}: every parameter's {@code .grad} set to zero in place (PyTorch
     * 1.13's default; later versions set it to None, which reads the same to the next backward).
     * Gradients otherwise accumulate over backward passes.
     */
    public final void zeroGrad() {
        for (NDArray p : parameters()) {
            Torch.zeroGrad(p);
        }
    }

    /** {@code module.state_dict()}: the parameters' values, copied out, under their dotted names. */
    public final Map<String, TensorValues> stateDict() {
        Map<String, TensorValues> state = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> state.put(name, TensorValues.of(p)));
        return state;
    }

    /**
     * {@code module.load_state_dict(state)} (strict): copies each value into the parameter of that
     * name, in place. Missing or unexpected names, or a shape that differs, are an error and
     * nothing is copied.
     */
    public final void loadStateDict(Map<String, TensorValues> state) {
        Map<String, NDArray> named = namedParameters();
        Set<String> missing = new TreeSet<>(named.keySet());
        missing.removeAll(state.keySet());
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(named.keySet());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + getClass().getSimpleName()
                    + ": missing keys " + missing + ", unexpected keys " + unexpected);
        }
        named.forEach((name, p) -> {
            long[] want = p.getShape().getShape();
            if (!java.util.Arrays.equals(want, state.get(name).shape())) {
                throw new IllegalArgumentException("size mismatch for " + name + ": copying a param with shape "
                        + new Shape(state.get(name).shape())
                        + ", the shape in current model is " + p.getShape());
            }
        });
        try (GradMode noGrad = Torch.noGrad()) {
            named.forEach((name, p) -> copyInto(p, state.get(name)));
        }
    }

    /**
     * {@code param.copy_(value)}, as {@code load_state_dict} copies: libtorch's {@code index_put_}
     * at {@code [...]}. (DJL's {@code NDArray.set(Buffer)} swaps the storage instead, under a guard
     * that prints libtorch's "AutoNonVariableTypeMode is deprecated" warning.)
     */
    private static void copyInto(NDArray param, TensorValues value) {
        try (NDArray source = param.getManager().create(value.values(), new Shape(value.shape()))) {
            NDArray typed = source.getDataType() == param.getDataType() ? source : source.toType(param.getDataType(), false);
            JniUtils.indexAdvPut((PtNDArray) param, new NDIndex("..."), (PtNDArray) typed);
            if (typed != source) {
                typed.close();
            }
        }
    }

    /**
     * {@code module.train(mode)}: this module and every module under it set to training mode
     * ({@code true}, as every module starts) or evaluation mode.
     *
     * @return this module, as PyTorch returns {@code self}
     */
    public final Module train(boolean mode) {
        training = mode;
        for (Module child : children.values()) {
            child.train(mode);
        }
        return this;
    }

    /** {@code module.train()}: training mode, recursively. */
    public final Module train() {
        return train(true);
    }

    /** {@code module.eval()}: evaluation mode, recursively ({@code train(false)}). */
    public final Module eval() {
        return train(false);
    }

    /** {@code module.training}. */
    public final boolean isTraining() {
        return training;
    }

    /** {@code extra_repr()}: what PyTorch prints inside the parentheses, e.g. {@code in_features=3, ...}. */
    protected String extraRepr() {
        return "";
    }

    /** The name PyTorch prints: the class's simple name unless overridden (e.g. {@code NNet}). */
    protected String moduleName() {
        return getClass().getSimpleName();
    }

    /** {@code print(module)}, as PyTorch 1.13 prints it. */
    @Override
    public String toString() {
        List<String> extraLines = extraRepr().isEmpty() ? List.of() : List.of(extraRepr().split("\n"));
        List<String> childLines = new ArrayList<>();
        children.forEach((name, child) -> childLines.add("(" + name + "): " + child.toString().replace("\n", "\n  ")));
        List<String> lines = new ArrayList<>(extraLines);
        lines.addAll(childLines);
        StringBuilder out = new StringBuilder(moduleName()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                out.append(extraLines.get(0));
            } else {
                out.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return out.append(')').toString();
    }
}
