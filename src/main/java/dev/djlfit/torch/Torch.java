package dev.djlfit.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.torch.serialization.StateDictFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code torch.*} functions PyTorch programs call, with PyTorch's semantics, on DJL's
 * PyTorch engine. Tensors are DJL {@link NDArray}s (float32 unless said otherwise); most tensor
 * methods are DJL's own ({@code x.sin()}, {@code x.pow(p)}, {@code x.matMul(w)}, ...).
 *
 * <p>Random draws come from libtorch's global CPU generator, in the order they are made, so after
 * {@link #manualSeed} the same draws give the same numbers as PyTorch after
 * {@code torch.manual_seed}. Draws for another device are made on the CPU and copied, as PyTorch
 * programs that draw first and call {@code .to(device)} after do.
 *
 * <p>Grad mode: PyTorch records by default; DJL starts every thread with recording off. A port
 * opens {@code try (GradMode grad = Torch.enableGrad())} around its program (or its thread's
 * work), and {@link #noGrad()} where the original has {@code with torch.no_grad():}.
 */
public final class Torch {

    static {
        EngineDefaults.ensure();
    }

    /** libtorch's generator is global: seeding and the draws that follow must not interleave. */
    private static final Object GENERATOR = new Object();

    private Torch() {}

    static void ensureEngine() {
        Holder.ENGINE.getClass();
    }

    private static final class Holder {
        static final Engine ENGINE = Engine.getEngine("PyTorch");
    }

    /** What computes here, as traces and result files name it: {@code DJL 0.33.0 / PyTorch 2.5.1}. */
    public static String engineDescription() {
        Engine engine = Holder.ENGINE;
        return "DJL " + Engine.getDjlVersion() + " / " + engine.getEngineName() + " " + engine.getVersion();
    }

    // ---------------------------------------------------------------- seeding and random draws

    /** {@code torch.manual_seed(seed)}. */
    public static void manualSeed(long seed) {
        ensureEngine();
        JniUtils.setSeed(seed);
    }

    /**
     * {@code torch.manual_seed(seed)} followed by {@code draws}, with no other thread's seeding or
     * drawing in between (experiments that run on several threads each draw their own nets).
     */
    public static <T> T seeded(long seed, Supplier<T> draws) {
        synchronized (GENERATOR) {
            manualSeed(seed);
            return draws.get();
        }
    }

    /** {@code torch.randn(*shape)}: standard normal draws; {@code randn(m)} is {@code torch.randn(())}. */
    public static NDArray randn(NDManager manager, long... shape) {
        return onCpuThenTo(manager, cpu -> cpu.randomNormal(0f, 1f, new Shape(shape), DataType.FLOAT32));
    }

    /** {@code torch.rand(*shape)}: uniform draws in [0, 1). */
    public static NDArray rand(NDManager manager, long... shape) {
        return uniform(manager, 0, 1, shape);
    }

    /** {@code torch.empty(*shape).uniform_(low, high)}, as {@code torch.nn.init.uniform_} draws. */
    public static NDArray uniform(NDManager manager, double low, double high, long... shape) {
        return onCpuThenTo(manager, cpu -> JniUtils.uniform(
                (ai.djl.pytorch.engine.PtNDManager) cpu, low, high, new Shape(shape), DataType.FLOAT32, Device.cpu()));
    }

    private interface Draw {
        NDArray on(NDManager cpu);
    }

    private static NDArray onCpuThenTo(NDManager manager, Draw draw) {
        ensureEngine();
        if (manager.getDevice().equals(Device.cpu())) {
            return draw.on(manager);
        }
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            NDArray drawn = draw.on(cpu);
            return manager.create(drawn.toFloatArray(), drawn.getShape());
        }
    }

    // ---------------------------------------------------------------- making tensors

    /** {@code torch.linspace(start, end, steps)}. */
    public static NDArray linspace(NDManager manager, double start, double end, int steps) {
        return manager.linspace((float) start, (float) end, steps, true);
    }

    /** {@code torch.full(size, fill_value)}; {@code full(m, new Shape(), v)} is a scalar. */
    public static NDArray full(NDManager manager, Shape shape, float value) {
        return manager.full(shape, value, DataType.FLOAT32);
    }

    /** {@code torch.full((), fill_value)}: a scalar tensor. */
    public static NDArray scalar(NDManager manager, float value) {
        return manager.create(value);
    }

    /**
     * A scalar of {@code like}'s data type, on its manager and device: the NDArray to use where a
     * PyTorch program writes a Python number into tensor arithmetic ({@code 0.5 * x}). Make it
     * once, outside the loop, where the loop is long.
     */
    public static NDArray scalarLike(NDArray like, double value) {
        NDManager manager = like.getManager();
        return switch (like.getDataType()) {
            case FLOAT64 -> manager.create(value);
            case FLOAT32 -> manager.create((float) value);
            default -> manager.create(value).toType(like.getDataType(), false);
        };
    }

    /** {@code torch.tensor([v0, v1, ...])}: a vector of float32s. */
    public static NDArray tensor(NDManager manager, float... values) {
        return manager.create(values);
    }

    /** {@code torch.zeros(*shape)}. */
    public static NDArray zeros(NDManager manager, long... shape) {
        return manager.zeros(new Shape(shape), DataType.FLOAT32);
    }

    /** {@code torch.ones(*shape)}. */
    public static NDArray ones(NDManager manager, long... shape) {
        return manager.ones(new Shape(shape), DataType.FLOAT32);
    }

    /**
     * {@code t.requires_grad and t.is_leaf}: a leaf whose {@code .grad} autograd fills. (DJL's
     * {@code requires_grad} answers false for a computed tensor; {@link #requiresGradOf} asks for
     * any tensor.)
     */
    public static boolean isLeafRequiringGrad(NDArray t) {
        return JniUtils.requiresGrad((PtNDArray) t);
    }

    /** {@code t.requires_grad_()}: returns {@code t}, now a leaf autograd tracks. */
    public static NDArray requiresGrad(NDArray t) {
        t.setRequiresGradient(true);
        return t;
    }

    // ---------------------------------------------------------------- autograd

    /** {@code with torch.no_grad():} on this thread, until the returned mode is closed. */
    public static GradMode noGrad() {
        return new GradMode(false);
    }

    /** {@code with torch.enable_grad():} on this thread, until the returned mode is closed. */
    public static GradMode enableGrad() {
        return new GradMode(true);
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /**
     * {@code loss.backward()}: adds d(loss)/d(leaf) to the {@code .grad} of every leaf that
     * requires grad, through libtorch's graph and through every {@link Function} on the way.
     * Gradients accumulate, as in PyTorch: clear them with {@code zeroGrad} between steps.
     */
    public static void backward(NDArray loss) {
        if (loss.getShape().size() != 1) {
            throw new IllegalArgumentException(
                    "grad can be implicitly created only for scalar outputs; " + loss.getShape() + " is not one");
        }
        try (NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType())) {
            backward(loss, seed);
        }
    }

    /** {@code output.backward(gradient)}: the same, given d(loss)/d(output). */
    public static void backward(NDArray output, NDArray gradient) {
        Tape.backward(output, gradient);
    }

    /**
     * {@code output.backward(gradient, retain_graph=True)}: the same, and the graph stays for
     * another backward pass (whose gradients add to these, as in PyTorch).
     */
    public static void backward(NDArray output, NDArray gradient, boolean retainGraph) {
        Tape.backward(output, gradient, retainGraph);
    }

    /**
     * {@code t.grad}, or null while none has been computed (PyTorch's {@code None}). DJL's own
     * {@code getGradient()} gives zeros instead, and throws for a tensor that does not require grad.
     */
    public static NDArray grad(NDArray t) {
        return JniUtils.getGradient((PtNDArray) t);
    }

    /** {@code t.grad.zero_()} in place (what {@code zero_grad()} does in PyTorch 1.13); no-op without a grad. */
    public static void zeroGrad(NDArray t) {
        JniUtils.zeroGrad((PtNDArray) t);
    }

    /**
     * The {@code grad_fn} name PyTorch prints, e.g. {@code AddmmBackward0}, of a tensor computed
     * with grad enabled from one that requires grad, or of a {@link Function}'s output (its
     * {@link Function#gradFnName()}); empty for a leaf, whose {@code grad_fn} is None (libtorch's JNI
     * binding would crash the process if asked about one, so leaves are told apart first).
     */
    public static String gradFnName(NDArray t) {
        Function function = Tape.functionOf(t);
        if (function != null) {
            return function.gradFnName();
        }
        if (isLeaf(t)) {
            return "";
        }
        String name = JniUtils.getGradientFunctionNames((PtNDArray) t);
        return name == null ? "" : name;
    }

    /**
     * {@code t.is_leaf}: made, not computed in a graph (a tensor computed under no-grad, or from
     * tensors that do not require grad, is a leaf too; so is a {@link Function}'s output here).
     * libtorch says no to {@code requires_grad_(False)} on a tensor with a {@code grad_fn} only, and
     * changes nothing on a leaf that does not require grad: that is the question asked.
     */
    public static boolean isLeaf(NDArray t) {
        if (isLeafRequiringGrad(t)) {
            return true;
        }
        try {
            JniUtils.attachGradient((PtNDArray) t, false);
            return true;
        } catch (ai.djl.engine.EngineException e) {
            return false;
        }
    }

    /**
     * {@code t.requires_grad}: a leaf that requires grad, or a tensor computed in a graph (with grad
     * enabled, from one that requires grad).
     */
    public static boolean requiresGradOf(NDArray t) {
        return isLeafRequiringGrad(t) || !isLeaf(t);
    }

    /** {@code t.detach()}: the same values, outside the graph. */
    public static NDArray detach(NDArray t) {
        return t.stopGradient();
    }

    // ---------------------------------------------------------------- reading values

    /**
     * {@code t.item()}: the one element as a Python float (a double); a float32's exact value, so
     * {@code 0.1f} reads 0.10000000149011612 as in PyTorch.
     */
    public static double item(NDArray t) {
        if (t.size() != 1) {
            throw new IllegalArgumentException("a Tensor with " + t.size() + " elements cannot be converted to Scalar");
        }
        return switch (t.getDataType()) {
            case FLOAT64 -> t.toDoubleArray()[0];
            case FLOAT32 -> t.toFloatArray()[0];
            default -> t.toType(DataType.FLOAT64, false).toDoubleArray()[0];
        };
    }

    // ---------------------------------------------------------------- memory

    /**
     * One step of a loop, with every array it makes freed when it closes (an {@link NDScope}),
     * and this thread's {@link Function} tape forgets what they held:
     *
     * <pre>
     * for (int t = 0; t &lt; 2000; t++) {
     *     try (var step = Torch.stepScope()) {
     *         ...
     *     }
     * }
     * </pre>
     *
     * Arrays that must outlive the step (parameters, optimizer state) are made before the loop;
     * read what the step computed into Java values ({@link #item}) before it closes.
     */
    public static StepScope stepScope() {
        return new StepScope();
    }

    /** {@link #stepScope()} around {@code body}: {@code Torch.step(() -> { ... })}. */
    public static void step(Runnable body) {
        try (StepScope step = stepScope()) {
            body.run();
        }
    }

    /** How many {@link Function} applications this thread holds for a backward pass to come. */
    public static int pendingFunctions() {
        return Tape.size();
    }

    // ---------------------------------------------------------------- saving and loading

    /**
     * {@code torch.save(state_dict, path)}: a {@code .pth} file in PyTorch's zip format, which
     * {@code torch.load} (also with {@code weights_only=True}) reads. See {@link StateDictFile}.
     *
     * @throws dev.djlfit.torch.serialization.PthFileException when the file cannot be written;
     *     what was at {@code path} before is then left as it was
     */
    public static void save(Map<String, TensorValues> stateDict, Path path) {
        StateDictFile.save(stateDict, path);
    }

    /**
     * {@code torch.load(path)} of a state_dict that {@code torch.save} wrote (PyTorch 1.6 and later):
     * the names in the file's order, so {@code model.loadStateDict(Torch.load(path))} reads as
     * {@code model.load_state_dict(torch.load(path))}. See {@link StateDictFile} for dtypes.
     *
     * @throws dev.djlfit.torch.serialization.PthFileException with a one-line message when the
     *     file is not such a state_dict
     */
    public static Map<String, TensorValues> load(Path path) {
        return StateDictFile.load(path);
    }

    // ---------------------------------------------------------------- more draws, in place and *_like (issue 16)

    /**
     * {@code torch.randint(low, high, size)}: int64 draws in [low, high) from the global
     * generator, the same as PyTorch's after the same seed; {@code torch.randint(n, size=(1,))}
     * is {@code randint(m, 0, n, 1)}, and {@code .item()} of it is {@code getLong()}.
     */
    public static NDArray randint(NDManager manager, long low, long high, long... shape) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low " + low + " must be less than high " + high);
        }
        return drawn(manager, DataType.INT64, shape, cpu -> JniUtils.randint(
                (ai.djl.pytorch.engine.PtNDManager) cpu, low, high, new Shape(shape), DataType.INT64, Device.cpu()));
    }

    /** {@code torch.normal(mean, std, size)} with Python numbers for mean and std: float32 draws. */
    public static NDArray normal(NDManager manager, double mean, double std, long... shape) {
        checkStd(std);
        return drawn(manager, DataType.FLOAT32, shape, cpu -> normalOn(cpu, mean, std, new Shape(shape), DataType.FLOAT32));
    }

    private static NDArray normalOn(NDManager cpu, double mean, double std, Shape shape, DataType type) {
        return JniUtils.normal((ai.djl.pytorch.engine.PtNDManager) cpu, mean, std, shape, type, Device.cpu());
    }

    private static NDArray uniformOn(NDManager cpu, double low, double high, Shape shape, DataType type) {
        return JniUtils.uniform((ai.djl.pytorch.engine.PtNDManager) cpu, low, high, shape, type, Device.cpu());
    }

    private static void checkStd(double std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
    }

    /** A draw of {@code type}, made on the CPU (libtorch's CPU generator), then placed on {@code manager}'s device. */
    private static NDArray drawn(NDManager manager, DataType type, long[] shape, Draw draw) {
        ensureEngine();
        if (manager.getDevice().equals(Device.cpu())) {
            return draw.on(manager);
        }
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            NDArray onCpu = draw.on(cpu);
            return manager.create(onCpu.toByteBuffer(), onCpu.getShape(), type);
        }
    }

    /**
     * {@code t.normal_(mean, std)} and {@code torch.nn.init.normal_(t, mean, std)}: {@code t}'s
     * values replaced in place, under no-grad, by the draws PyTorch makes for a tensor of its
     * shape and dtype.
     *
     * @return {@code t}
     */
    public static NDArray normal_(NDArray t, double mean, double std) {
        checkStd(std);
        return assign(t, drawn(t.getManager(), t.getDataType(), t.getShape().getShape(),
                cpu -> normalOn(cpu, mean, std, t.getShape(), t.getDataType())));
    }

    /** {@code t.uniform_(low, high)} and {@code torch.nn.init.uniform_(t, a, b)}, in place, under no-grad. */
    public static NDArray uniform_(NDArray t, double low, double high) {
        return assign(t, drawn(t.getManager(), t.getDataType(), t.getShape().getShape(),
                cpu -> uniformOn(cpu, low, high, t.getShape(), t.getDataType())));
    }

    /** {@code t.fill_(value)} and {@code torch.nn.init.constant_(t, value)}, in place, under no-grad. */
    public static NDArray fill_(NDArray t, double value) {
        NDArray asDouble = t.getManager().create(value);
        NDArray converted = asDouble.toType(t.getDataType(), false);
        if (converted != asDouble) {
            asDouble.close();
        }
        return assign(t, converted);
    }

    /** {@code t.zero_()} and {@code torch.nn.init.zeros_(t)}, in place, under no-grad. */
    public static NDArray zero_(NDArray t) {
        return assign(t, t.zerosLike());
    }

    /** {@code t.copy_(values)} with the values made for it, the temporary freed; returns {@code t}. */
    private static NDArray assign(NDArray t, NDArray values) {
        try (GradMode noGrad = noGrad(); NDArray owned = values) {
            t.set(new ai.djl.ndarray.index.NDIndex("..."), owned);
        }
        return t;
    }

    /** {@code torch.rand_like(x)}: uniform draws in [0, 1) of {@code x}'s shape, dtype and device. */
    public static NDArray randLike(NDArray x) {
        return randLike(x, x.getDataType());
    }

    /** {@code torch.rand_like(x, dtype=...)}: the same with another (floating-point) dtype. */
    public static NDArray randLike(NDArray x, DataType type) {
        checkFloating("rand_like", x, type);
        return drawn(x.getManager(), type, x.getShape().getShape(), cpu -> uniformOn(cpu, 0, 1, x.getShape(), type));
    }

    /** {@code torch.randn_like(x)}: standard normal draws of {@code x}'s shape, dtype and device. */
    public static NDArray randnLike(NDArray x) {
        return randnLike(x, x.getDataType());
    }

    /** {@code torch.randn_like(x, dtype=...)}: the same with another (floating-point) dtype. */
    public static NDArray randnLike(NDArray x, DataType type) {
        checkFloating("randn_like", x, type);
        return drawn(x.getManager(), type, x.getShape().getShape(), cpu -> normalOn(cpu, 0, 1, x.getShape(), type));
    }

    private static void checkFloating(String function, NDArray x, DataType type) {
        if (!type.isFloating()) {
            throw new IllegalArgumentException(function + ": draws need a floating-point dtype, not " + type
                    + (type == x.getDataType() ? "; pass one, as torch." + function + "(x, dtype=torch.float) does" : ""));
        }
    }

    // ---------------------------------------------------------------- joining and reducing (Tensors tutorial)

    /**
     * {@code torch.cat(tensors, dim)}: joined along an existing dimension (negative counts from
     * the end); every other dimension must agree. dtypes are promoted as PyTorch promotes them.
     */
    public static NDArray cat(java.util.List<NDArray> tensors, int dim) {
        checkJoin("cat", tensors, dim, false);
        return ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(tensors), dim);
    }

    /** {@code torch.stack(tensors, dim)}: joined along a new dimension; all shapes must be equal. */
    public static NDArray stack(java.util.List<NDArray> tensors, int dim) {
        checkJoin("stack", tensors, dim, true);
        return ai.djl.ndarray.NDArrays.stack(new ai.djl.ndarray.NDList(tensors), dim);
    }

    private static void checkJoin(String function, java.util.List<NDArray> tensors, int dim, boolean newDim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException(function + ": expected a non-empty list of tensors");
        }
        Shape first = tensors.get(0).getShape();
        int rank = first.dimension() + (newDim ? 1 : 0);
        int resolved = dim < 0 ? dim + rank : dim;
        if (resolved < 0 || resolved >= rank || (!newDim && rank == 0)) {
            throw new IllegalArgumentException(function + ": dim " + dim + " is out of range for tensors of shape " + first);
        }
        for (NDArray t : tensors) {
            Shape shape = t.getShape();
            boolean agrees = shape.dimension() == first.dimension();
            for (int d = 0; agrees && d < first.dimension(); d++) {
                agrees = shape.get(d) == first.get(d) || (!newDim && d == resolved);
            }
            if (!agrees) {
                throw new IllegalArgumentException(function + ": shapes " + first + " and " + shape + " do not agree"
                        + (newDim ? " (stack needs equal shapes)" : " outside dim " + dim));
            }
        }
    }

    /**
     * {@code t.sum(dtype=...)}: the sum of all elements, accumulated in {@code type} (PyTorch casts
     * first, so float32 values summed as float64 give the float64 sum).
     */
    public static NDArray sum(NDArray t, DataType type) {
        NDArray cast = t.toType(type, false);
        return cast.sum();
    }
}
