package dev.djlfit.program;

import dev.djlfit.torch.TensorValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a tutorial program, as every port and every reference program writes it
 * (docs/trace-format.md): what it trained on, its parameters before and after, what it printed.
 *
 * @param program the program's name, e.g. {@code polynomial-nn}
 * @param seed {@code torch.manual_seed} (and {@code random.seed}) before the first draw
 * @param steps training steps run (for the programs that train by epoch: batches, all epochs together)
 * @param engine e.g. {@code PyTorch 1.13.0a0} or {@code DJL 0.33.0 / PyTorch 2.5.1}
 * @param inputs the x and y the program trained on; empty (no points) for the programs that read a data set
 * @param initialParameters state_dict names (or the tensors' own names a, b, c, d) → values
 * @param finalParameters the same after training
 * @param losses the losses the program printed, at the steps (batches, counted from 0 across epochs) it printed them
 * @param result the program's last printed line ({@code Result: y = ...})
 * @param loopSeconds the training loop's wall time
 * @param extrapolation for the sin fits: the trained function beyond the data; empty where the
 *     trace does not hold it (the reference programs leave it to the reader)
 * @param epochs epochs run by the programs that train by epoch; 0 for the others
 * @param tests what each epoch's test loop printed, in order; empty for the programs without one
 * @param values any other named numbers a program chose to record ({@code recorder.value(name, ...)}),
 *     in the order recorded; empty for the project's own programs
 */
public record Trace(
        String program,
        long seed,
        int steps,
        String engine,
        Inputs inputs,
        Map<String, TensorValues> initialParameters,
        Map<String, TensorValues> finalParameters,
        List<PrintedLoss> losses,
        String result,
        double loopSeconds,
        Optional<ExtrapolationSummary> extrapolation,
        int epochs,
        List<TestResult> tests,
        Map<String, NamedValue> values) {

    public Trace {
        initialParameters = new LinkedHashMap<>(initialParameters);
        finalParameters = new LinkedHashMap<>(finalParameters);
        losses = List.copyOf(losses);
        tests = List.copyOf(tests);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A trace without named values: the project's own programs. */
    public Trace(String program, long seed, int steps, String engine, Inputs inputs,
            Map<String, TensorValues> initialParameters, Map<String, TensorValues> finalParameters,
            List<PrintedLoss> losses, String result, double loopSeconds, Optional<ExtrapolationSummary> extrapolation,
            int epochs, List<TestResult> tests) {
        this(program, seed, steps, engine, inputs, initialParameters, finalParameters, losses, result, loopSeconds,
                extrapolation, epochs, tests, Map.of());
    }

    /** A trace of a program that trains by steps (a sin fit): no epochs, no test loop. */
    public Trace(String program, long seed, int steps, String engine, Inputs inputs,
            Map<String, TensorValues> initialParameters, Map<String, TensorValues> finalParameters,
            List<PrintedLoss> losses, String result, double loopSeconds, Optional<ExtrapolationSummary> extrapolation) {
        this(program, seed, steps, engine, inputs, initialParameters, finalParameters, losses, result, loopSeconds,
                extrapolation, 0, List.of());
    }

    @Override
    public Map<String, TensorValues> initialParameters() {
        return java.util.Collections.unmodifiableMap(initialParameters);
    }

    @Override
    public Map<String, TensorValues> finalParameters() {
        return java.util.Collections.unmodifiableMap(finalParameters);
    }

    /** The last loss printed; empty if the run was too short to print one. */
    public Optional<PrintedLoss> lastLoss() {
        return losses.isEmpty() ? Optional.empty() : Optional.of(losses.get(losses.size() - 1));
    }

    public Trace withExtrapolation(ExtrapolationSummary report) {
        return new Trace(program, seed, steps, engine, inputs, initialParameters, finalParameters, losses, result,
                loopSeconds, Optional.of(report), epochs, tests, values);
    }

    /**
     * The x and y a program trained on.
     *
     * @param x e.g. linspace(−π, π, 2000)
     * @param y e.g. sin(x)
     */
    public record Inputs(float[] x, float[] y) {
        public Inputs {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x holds " + x.length + " values, y " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public float[] x() {
            return x.clone();
        }

        @Override
        public float[] y() {
            return y.clone();
        }

        public int size() {
            return x.length;
        }
    }

    /** {@code print(t, loss.item())}: the step and the value. */
    public record PrintedLoss(int step, float value) {}

    /**
     * What a test loop printed: {@code Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f}}.
     *
     * @param epoch the epoch it followed, from 1 (0: a loaded model, not trained here)
     * @param accuracy the fraction of test samples predicted right ({@code correct})
     * @param avgLoss the batches' mean loss ({@code test_loss})
     */
    public record TestResult(int epoch, double accuracy, double avgLoss) {}

    /**
     * A named value: a number, or numbers nested as a tensor's {@code tolist()} (in double precision,
     * so that integers such as sample indices and float64 values come back as written).
     *
     * @param shape empty for a single number, {@code [n]} for a list, {@code [r, c]} for a list of rows
     * @param numbers the numbers in row-major order
     */
    public record NamedValue(long[] shape, double[] numbers) {
        public NamedValue {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            if (count != numbers.length) {
                throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + count
                        + " numbers, not " + numbers.length);
            }
            shape = shape.clone();
            numbers = numbers.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public double[] numbers() {
            return numbers.clone();
        }

        /** A vector of integers, as a program's picks ({@code grid_indices}) are kept. */
        /** A tensor's values, float32 widened exactly, in its shape. */
        public static NamedValue of(TensorValues tensor) {
            float[] v = tensor.values();
            double[] numbers = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                numbers[i] = v[i];
            }
            return new NamedValue(tensor.shape(), numbers);
        }

        public static NamedValue integers(List<Long> values) {
            return new NamedValue(new long[] {values.size()}, values.stream().mapToDouble(Long::doubleValue).toArray());
        }

        /** The numbers as integers, in order; they must all be whole. */
        public List<Long> asIntegers() {
            List<Long> out = new java.util.ArrayList<>(numbers.length);
            for (double x : numbers) {
                if (x != Math.rint(x)) {
                    throw new IllegalStateException(x + " is not an integer");
                }
                out.add((long) x);
            }
            return out;
        }

        public boolean sameShape(NamedValue other) {
            return java.util.Arrays.equals(shape, other.shape);
        }

        /** The largest |this − other| over the numbers; infinite if the shapes differ. */
        public double maxAbsDiff(NamedValue other) {
            if (!sameShape(other)) {
                return Double.POSITIVE_INFINITY;
            }
            double max = 0;
            for (int i = 0; i < numbers.length; i++) {
                double a = numbers[i];
                double b = other.numbers[i];
                max = Math.max(max, a == b ? 0 : Math.abs(a - b));
            }
            return max;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NamedValue v && sameShape(v) && java.util.Arrays.equals(numbers, v.numbers);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(shape) * 31 + java.util.Arrays.hashCode(numbers);
        }
    }

    /** No points: the inputs of a program that reads a data set. */
    public static Inputs noInputs() {
        return new Inputs(new float[0], new float[0]);
    }
}
