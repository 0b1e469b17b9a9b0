package dev.djlfit.model;

/**
 * The bounds {@code torch.nn.Linear.reset_parameters()} draws from, computed exactly as PyTorch
 * computes them (in double, then cast to float by the uniform kernel).
 *
 * <pre>
 * init.kaiming_uniform_(self.weight, a=math.sqrt(5))   # gain = sqrt(2 / (1 + 5)), bound = sqrt(3) * gain / sqrt(fan_in)
 * bound = 1 / math.sqrt(fan_in); init.uniform_(self.bias, -bound, bound)
 * </pre>
 *
 * Both come to 1/√fan_in; DJL's own default initialiser (Xavier-style) is different and is not used.
 */
public final class TorchLinearInit {

    private TorchLinearInit() {}

    public static float weightBound(int fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(fanIn);
        return (float) (Math.sqrt(3.0) * std);
    }

    public static float biasBound(int fanIn) {
        return (float) (1 / Math.sqrt(fanIn));
    }
}
