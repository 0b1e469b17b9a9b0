package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Torch;

/**
 * {@code torch.nn.init}: in-place initialisers ({@link #normal_}, {@link #uniform_},
 * {@link #zeros_}, {@link #ones_}, {@link #constant_}, {@link #xavierUniform_},
 * {@link #kaimingUniform_}) that draw from libtorch's global generator as PyTorch does, under
 * no-grad, and return the tensor; bounds are computed in double as {@code torch.nn.init} computes
 * them, so after the same seed the values are bit-equal.
 *
 * <p>And the bounds {@code torch.nn.Linear.reset_parameters()} draws from (in double; the
 * uniform kernel casts them to float):
 *
 * <pre>
 * init.kaiming_uniform_(self.weight, a=math.sqrt(5))   # gain = sqrt(2 / (1 + a²)), bound = sqrt(3) · gain / sqrt(fan_in)
 * bound = 1 / math.sqrt(fan_in); init.uniform_(self.bias, -bound, bound)
 * </pre>
 *
 * Both come to 1/√fan_in; DJL's own default initialiser (Xavier-style) is different.
 */
public final class Init {

    private Init() {}

    /** {@code kaiming_uniform_(w, a=math.sqrt(5))}'s bound for a weight with {@code fanIn} inputs. */
    public static double linearWeightBound(long fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(fanIn);
        return Math.sqrt(3.0) * std;
    }

    /** The bias bound, {@code 1 / math.sqrt(fan_in)}. */
    public static double linearBiasBound(long fanIn) {
        return 1 / Math.sqrt(fanIn);
    }

    /** {@code nn.init.normal_(t, mean, std)}. */
    public static NDArray normal_(NDArray t, double mean, double std) {
        return Torch.normal_(t, mean, std);
    }

    /** {@code nn.init.normal_(t)}: mean 0, std 1. */
    public static NDArray normal_(NDArray t) {
        return Torch.normal_(t, 0, 1);
    }

    /** {@code nn.init.uniform_(t, a, b)}. */
    public static NDArray uniform_(NDArray t, double a, double b) {
        return Torch.uniform_(t, a, b);
    }

    /** {@code nn.init.uniform_(t)}: in [0, 1). */
    public static NDArray uniform_(NDArray t) {
        return Torch.uniform_(t, 0, 1);
    }

    /** {@code nn.init.constant_(t, val)}. */
    public static NDArray constant_(NDArray t, double value) {
        return Torch.fill_(t, value);
    }

    /** {@code nn.init.zeros_(t)}. */
    public static NDArray zeros_(NDArray t) {
        return Torch.zero_(t);
    }

    /** {@code nn.init.ones_(t)}. */
    public static NDArray ones_(NDArray t) {
        return Torch.fill_(t, 1);
    }

    /**
     * {@code nn.init.xavier_uniform_(t, gain)}: uniform in ±gain·√(6 / (fan_in + fan_out)), fans
     * as {@code _calculate_fan_in_and_fan_out} gives them (dims 1 and 0, times the receptive field).
     */
    public static NDArray xavierUniform_(NDArray t, double gain) {
        long[] fans = fans("xavier_uniform_", t.getShape());
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return Torch.uniform_(t, -a, a);
    }

    /** {@code nn.init.xavier_uniform_(t)}: gain 1. */
    public static NDArray xavierUniform_(NDArray t) {
        return xavierUniform_(t, 1.0);
    }

    /**
     * {@code nn.init.kaiming_uniform_(t, a, mode, nonlinearity)}: uniform in ±√3 · gain / √fan,
     * fan {@code "fan_in"} or {@code "fan_out"}, gain {@link #calculateGain}(nonlinearity, a).
     */
    public static NDArray kaimingUniform_(NDArray t, double a, String mode, String nonlinearity) {
        long[] fans = fans("kaiming_uniform_", t.getShape());
        long fan = switch (mode) {
            case "fan_in" -> fans[0];
            case "fan_out" -> fans[1];
            default -> throw new IllegalArgumentException("kaiming_uniform_: mode " + mode
                    + " not supported, please use one of fan_in, fan_out");
        };
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan);
        double bound = Math.sqrt(3.0) * std;
        return Torch.uniform_(t, -bound, bound);
    }

    /** {@code nn.init.kaiming_uniform_(t)}: a = 0, fan_in, leaky_relu (a gain of √2). */
    public static NDArray kaimingUniform_(NDArray t) {
        return kaimingUniform_(t, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code nn.init.calculate_gain(nonlinearity, param)} for the nonlinearities PyTorch 1.13
     * knows; {@code param} is leaky_relu's negative slope (others ignore it).
     */
    public static double calculateGain(String nonlinearity, double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                    "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + param * param));
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        };
    }

    /** {fan_in, fan_out} of a tensor of at least two dimensions. */
    private static long[] fans(String function, Shape shape) {
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException(function + ": fan in and fan out can not be computed for a tensor of shape "
                    + shape + " (fewer than 2 dimensions)");
        }
        long receptiveField = 1;
        for (int d = 2; d < shape.dimension(); d++) {
            receptiveField *= shape.get(d);
        }
        return new long[] {shape.get(1) * receptiveField, shape.get(0) * receptiveField};
    }
}
