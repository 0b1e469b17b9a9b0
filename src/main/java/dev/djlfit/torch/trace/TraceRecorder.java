package dev.djlfit.torch.trace;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a port's run as a trace (docs/trace-format.md), the same document that
 * {@code djlfit_trace.py} writes for the PyTorch original, so that {@code djl-fit judge} can put
 * the two side by side:
 * <pre>{@code
 * TraceRecorder recorder = new TraceRecorder("my-program", seed);   // recorder = TraceRecorder("my-program", seed)
 * recorder.initial(model.stateDict());                             // recorder.initial(model.state_dict())
 * recorder.loss(step, Torch.item(loss));                           // recorder.loss(step, loss.item())
 * recorder.test(epoch, accuracy, avgLoss);                         // recorder.test(epoch, accuracy, avg_loss)
 * recorder.value("first_batch_labels", labels);                    // recorder.value("first_batch_labels", y)
 * recorder.finish(model.stateDict()).write(Path.of("java.json"));   // recorder.finish(model.state_dict()).write("pytorch.json")
 * }</pre>
 */
public final class TraceRecorder {

    private record Loss(int step, double value) {}

    private record Test(int epoch, double accuracy, double avgLoss) {}

    private record Value(long[] shape, double[] numbers) {}

    private final String program;
    private final long seed;
    private Map<String, TensorValues> initial;
    private Map<String, TensorValues> last;
    private final List<Loss> losses = new ArrayList<>();
    private final List<Test> tests = new ArrayList<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private Integer steps;
    private int epochs;
    private String result = "";
    private long startNanos;
    private double seconds;

    /**
     * @param program the run's name, the same on both sides
     * @param seed {@code torch.manual_seed(seed)} of the run
     */
    public TraceRecorder(String program, long seed) {
        if (program == null || program.isEmpty()) {
            throw new IllegalArgumentException("program: a non-empty name, the same on both sides");
        }
        this.program = program;
        this.seed = seed;
    }

    /** The parameters before training ({@code model.stateDict()}); starts the loop's clock. */
    public TraceRecorder initial(Map<String, TensorValues> stateDict) {
        initial = new LinkedHashMap<>(stateDict);
        startNanos = System.nanoTime();
        return this;
    }

    /** A loss the program logs at {@code step}: {@code Torch.item(loss)}. */
    public TraceRecorder loss(int step, double value) {
        losses.add(new Loss(step, value));
        return this;
    }

    /** A test loop's figures: {@code accuracy} a fraction (correct / size), {@code avgLoss} the batches' mean. */
    public TraceRecorder test(int epoch, double accuracy, double avgLoss) {
        tests.add(new Test(epoch, accuracy, avgLoss));
        return this;
    }

    /** A named number. */
    public TraceRecorder value(String name, double number) {
        return put(name, new Value(new long[0], new double[] {number}));
    }

    /** Named numbers, as a list. */
    public TraceRecorder value(String name, double[] numbers) {
        return put(name, new Value(new long[] {numbers.length}, numbers.clone()));
    }

    /** Named integers (sample indices, labels), as a list. */
    public TraceRecorder value(String name, long[] integers) {
        double[] numbers = new double[integers.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = integers[i];
        }
        return put(name, new Value(new long[] {integers.length}, numbers));
    }

    /** A tensor's values, nested as {@code tensor.tolist()} nests them. */
    public TraceRecorder value(String name, NDArray tensor) {
        try (NDArray doubles = tensor.toType(DataType.FLOAT64, true)) {
            return put(name, new Value(tensor.getShape().getShape(), doubles.toDoubleArray()));
        }
    }

    private TraceRecorder put(String name, Value v) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("value: a non-empty name");
        }
        if (values.putIfAbsent(name, v) != null) {
            throw new IllegalArgumentException("value " + name + " recorded twice");
        }
        return this;
    }

    /** Training steps run; if not set, the last logged step + 1. */
    public TraceRecorder steps(int count) {
        steps = count;
        return this;
    }

    /** Epochs run, for a program that trains by epoch. */
    public TraceRecorder epochs(int count) {
        epochs = count;
        return this;
    }

    /** The program's last printed line. */
    public TraceRecorder result(String line) {
        result = line;
        return this;
    }

    /** The parameters after training ({@code model.stateDict()}); stops the loop's clock. */
    public TraceRecorder finish(Map<String, TensorValues> stateDict) {
        if (initial == null) {
            throw new IllegalStateException("finish() before initial(): record the parameters before training first");
        }
        seconds = (System.nanoTime() - startNanos) / 1e9;
        last = new LinkedHashMap<>(stateDict);
        return this;
    }

    /** The trace's JSON document. */
    public String toJson() {
        if (last == null) {
            throw new IllegalStateException("toJson() before finish(): record the parameters after training first");
        }
        int stepCount = steps != null ? steps : losses.isEmpty() ? 0 : losses.get(losses.size() - 1).step() + 1;
        StringBuilder out = new StringBuilder(4096);
        out.append("{\"program\": ");
        JsonText.string(out, program);
        out.append(", \"seed\": ").append(seed).append(", \"steps\": ").append(stepCount);
        if (epochs > 0) {
            out.append(", \"epochs\": ").append(epochs);
        }
        out.append(", \"engine\": ");
        JsonText.string(out, Torch.engineDescription());
        out.append(", \"initial_parameters\": ");
        parameters(out, initial);
        out.append(", \"final_parameters\": ");
        parameters(out, last);
        out.append(", \"losses\": [");
        for (int i = 0; i < losses.size(); i++) {
            out.append(i > 0 ? ", [" : "[").append(losses.get(i).step()).append(", ");
            JsonText.number(out, losses.get(i).value());
            out.append(']');
        }
        out.append(']');
        if (!tests.isEmpty()) {
            out.append(", \"tests\": [");
            for (int i = 0; i < tests.size(); i++) {
                Test t = tests.get(i);
                out.append(i > 0 ? ", " : "").append("{\"epoch\": ").append(t.epoch()).append(", \"accuracy\": ");
                JsonText.number(out, t.accuracy());
                out.append(", \"avg_loss\": ");
                JsonText.number(out, t.avgLoss());
                out.append('}');
            }
            out.append(']');
        }
        if (!values.isEmpty()) {
            out.append(", \"values\": {");
            String separator = "";
            for (Map.Entry<String, Value> e : values.entrySet()) {
                out.append(separator);
                separator = ", ";
                JsonText.string(out, e.getKey());
                out.append(": ");
                double[] numbers = e.getValue().numbers();
                JsonText.nested(out, e.getValue().shape(), 0, 0, i -> JsonText.numberOrInteger(out, numbers[i]));
            }
            out.append('}');
        }
        out.append(", \"result\": ");
        JsonText.string(out, result);
        out.append(", \"loop_seconds\": ");
        JsonText.number(out, seconds);
        return out.append("}\n").toString();
    }

    private static void parameters(StringBuilder out, Map<String, TensorValues> stateDict) {
        out.append('{');
        String separator = "";
        for (Map.Entry<String, TensorValues> e : stateDict.entrySet()) {
            out.append(separator);
            separator = ", ";
            JsonText.string(out, e.getKey());
            out.append(": ");
            JsonText.tensor(out, e.getValue());
        }
        out.append('}');
    }

    /**
     * Writes the trace to {@code path} whole or not at all: into a hidden file beside it, then moved
     * over it, so a file already there stays until it is replaced.
     *
     * @return the path written
     * @throws UncheckedIOException if the folder cannot be written
     */
    public Path write(Path path) {
        String json = toJson();
        Path target = path.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace " + path + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that is what the caller hears
                }
            }
        }
    }
}
