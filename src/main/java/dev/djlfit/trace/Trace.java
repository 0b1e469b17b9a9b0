package dev.djlfit.trace;

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
 * @param steps training steps run
 * @param engine e.g. {@code PyTorch 1.13.0a0} or {@code DJL 0.33.0 / PyTorch 2.5.1}
 * @param inputs the x and y the program trained on
 * @param initialParameters state_dict names (or the tensors' own names a, b, c, d) → values
 * @param finalParameters the same after training
 * @param losses the losses the program printed, at the steps it printed them
 * @param result the program's last printed line ({@code Result: y = ...})
 * @param loopSeconds the training loop's wall time
 * @param extrapolation for the sin fits: the trained function beyond the data; empty where the
 *     trace does not hold it (the reference programs leave it to the reader)
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
        Optional<SinExtrapolation> extrapolation) {

    public Trace {
        initialParameters = new LinkedHashMap<>(initialParameters);
        finalParameters = new LinkedHashMap<>(finalParameters);
        losses = List.copyOf(losses);
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

    public Trace withExtrapolation(SinExtrapolation report) {
        return new Trace(program, seed, steps, engine, inputs, initialParameters, finalParameters, losses, result,
                loopSeconds, Optional.of(report));
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
}
