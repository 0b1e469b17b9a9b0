package dev.djlfit.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a port needs besides the kit, and what it hands back: its settings (seed, steps or epochs,
 * given inputs, where its data set is), the lines it prints (to the caller's sink, as they come) and
 * its trace.
 */
public final class Harness {

    private final String program;
    private final long seed;
    private final int steps;
    private final Optional<Trace.Inputs> givenInputs;
    private final DataSettings data;
    private final Consumer<String> out;
    private final List<Trace.PrintedLoss> losses = new ArrayList<>();
    private final List<Trace.TestResult> tests = new ArrayList<>();
    private final Map<String, Trace.NamedValue> values = new LinkedHashMap<>();
    private Trace.Inputs inputs;
    private int epochs;
    private int batches;
    private long loopStart;
    private Map<String, TensorValues> initial;
    private Map<String, TensorValues> last;
    private String result;
    private double loopSeconds;
    private Trace whole;

    /**
     * @param givenInputs x and y to train on instead of the program's own (from another trace)
     * @param out where each printed line goes
     */
    public Harness(String program, long seed, int steps, Optional<Trace.Inputs> givenInputs,
            Consumer<String> out) {
        this(program, seed, steps, givenInputs, DataSettings.defaults(), out);
    }

    /**
     * @param steps steps, or epochs for a program that trains by epoch
     * @param data where a program that reads a data set finds it and writes its files
     */
    public Harness(String program, long seed, int steps, Optional<Trace.Inputs> givenInputs, DataSettings data,
            Consumer<String> out) {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        this.program = program;
        this.seed = seed;
        this.steps = steps;
        this.givenInputs = givenInputs;
        this.data = data;
        this.out = out;
    }

    public long seed() {
        return seed;
    }

    /** The steps asked for, or the program's own. */
    public int steps() {
        return steps;
    }

    /** {@code epochs = 5}: the epochs asked for, or the program's own. */
    public int epochs() {
        return steps;
    }

    /** Where the data set is, where files go, what to load. */
    public DataSettings data() {
        return data;
    }

    /**
     * {@code x = torch.linspace(-math.pi, math.pi, 2000); y = torch.sin(x)}, or the given inputs.
     *
     * @return {x, y}
     */
    public NDArray[] sinInputs(NDManager manager) {
        NDArray x;
        NDArray y;
        if (givenInputs.isPresent()) {
            x = manager.create(givenInputs.get().x());
            y = manager.create(givenInputs.get().y());
        } else {
            x = Torch.linspace(manager, -Math.PI, Math.PI, 2000);
            y = x.sin();
        }
        inputs = new Trace.Inputs(x.toFloatArray(), y.toFloatArray());
        return new NDArray[] {x, y};
    }

    /** {@code print(...)}: the values as Python prints them, space-separated. */
    public void print(Object... values) {
        out.accept(PyFormat.line(values));
    }

    /** {@code print(t, loss)} of the training loop, remembered for the trace. */
    public void printLoss(int t, double loss) {
        print(t, loss);
        losses.add(new Trace.PrintedLoss(t, (float) loss));
    }

    /**
     * {@code for t in range(steps):} with every array a step makes freed at its end
     * ({@link Torch#step}); the loop's time is the trace's {@code loop_seconds}.
     *
     * @param parameters the parameters (state_dict names → tensors) before training, for the trace
     */
    public void loop(Map<String, NDArray> parameters, IntConsumer body) {
        initial = snapshot(parameters);
        long loopStart = System.nanoTime();
        for (int t = 0; t < steps; t++) {
            int step = t;
            Torch.step(() -> body.accept(step));
        }
        loopSeconds = (System.nanoTime() - loopStart) / 1e9;
    }

    /** The parameters before the first epoch; the training loop's clock starts. */
    public void started(Map<String, NDArray> parameters) {
        initial = snapshot(parameters);
        loopStart = System.nanoTime();
    }

    /**
     * {@code print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")}, remembered for the trace.
     *
     * @param step the batch, counted from 0 across epochs
     */
    public void printLoss(int step, double loss, String line) {
        out.accept(line);
        losses.add(new Trace.PrintedLoss(step, (float) loss));
    }

    /**
     * The test loop's {@code print(f"Test Error: ...")}, remembered for the trace.
     *
     * @param epoch from 1; 0 for a loaded model
     */
    public void tested(int epoch, double accuracy, double avgLoss, String line) {
        out.accept(line);
        tests.add(new Trace.TestResult(epoch, accuracy, avgLoss));
    }

    /** Training is over: the parameters it ended with, the batches it ran over all epochs. */
    public void trained(Map<String, NDArray> parameters, int epochsRun, int batchesRun) {
        loopSeconds = (System.nanoTime() - loopStart) / 1e9;
        last = snapshot(parameters);
        epochs = epochsRun;
        batches = batchesRun;
    }

    /** A model loaded, not trained here: its parameters are the trace's initial and final ones. */
    public void loaded(Map<String, NDArray> parameters) {
        initial = snapshot(parameters);
        last = initial;
    }

    /** The program's last line was {@code line}, printed already (by {@link #tested}, say). */
    public void endsWith(String line) {
        result = line;
    }

    /** The program's last printed line. */
    public void last(String line) {
        result = line;
        out.accept(line);
    }

    /** The program's last line, {@code print(f'Result: ...')}, with the parameters it was trained to. */
    public void result(Map<String, NDArray> parameters, String line) {
        last = snapshot(parameters);
        result = line;
        out.accept(line);
    }

    /** Integers the program picked, kept in the trace's named values under {@code name} (e.g. {@code grid_indices}). */
    public void record(String name, List<Long> picked) {
        values.put(name, Trace.NamedValue.integers(picked));
    }

    /** The names as given, each to its tensor: {@code named("a b c d", a, b, c, d)}. */
    public static Map<String, NDArray> named(String names, NDArray... tensors) {
        String[] split = names.split(" ");
        if (split.length != tensors.length) {
            throw new IllegalArgumentException(split.length + " names for " + tensors.length + " tensors");
        }
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (int i = 0; i < split.length; i++) {
            map.put(split[i], tensors[i]);
        }
        return map;
    }

    private static Map<String, TensorValues> snapshot(Map<String, NDArray> parameters) {
        Map<String, TensorValues> values = new LinkedHashMap<>();
        parameters.forEach((name, t) -> values.put(name, TensorValues.of(t)));
        return values;
    }

    /**
     * A program that computes its whole run elsewhere (the article's experiments) hands its trace
     * over at once; its result line is printed.
     */
    public void traced(Trace trace) {
        whole = trace;
        out.accept(trace.result());
    }

    /** The run as a trace; call after {@link #result} (or {@link #traced}). */
    public Trace trace(String engine) {
        if (whole != null) {
            return whole;
        }
        if (result == null || last == null) {
            throw new IllegalStateException(program + " has not finished");
        }
        if (inputs == null) {
            return new Trace(program, seed, batches, engine, Trace.noInputs(), initial, last, losses, result,
                    loopSeconds, Optional.empty(), epochs, tests, values);
        }
        return new Trace(program, seed, steps, engine, inputs, initial, last, losses, result, loopSeconds,
                Optional.empty());
    }
}
