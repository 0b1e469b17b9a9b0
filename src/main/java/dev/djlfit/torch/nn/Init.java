package dev.djlfit.torch.nn;

/**
 * The bounds {@code torch.nn.Linear.reset_parameters()} draws from, computed as PyTorch does (in
 * double; the uniform kernel casts them to float):
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
}
