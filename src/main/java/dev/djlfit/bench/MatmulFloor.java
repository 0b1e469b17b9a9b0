package dev.djlfit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.EngineDefaults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The floor of a training epoch of a stack of Linear layers: its matrix products alone, each timed
 * in libtorch (through DJL's {@code matMul}, one JNI call each) on this machine, now. Per batch of
 * {@code B} and each layer {@code in→out}: the forward {@code (B,in)·(in,out)}, the weight's
 * gradient {@code (out,B)·(B,in)}, and, for every layer but the first, the input's gradient
 * {@code (B,out)·(out,in)}; 2·m·k·n floating-point operations each. Biases, activations, the loss
 * and the update are left out: the floor is the work no loop can skip, at the rate libtorch
 * multiplies matrices here.
 */
public final class MatmulFloor {

    static {
        EngineDefaults.ensure();
    }

    private static final int ROUNDS = 5;

    /** One product {@code (m,k)·(k,n)} and its median time per product. */
    public record Product(String role, long m, long k, long n, double seconds) {

        public double flops() {
            return 2.0 * m * k * n;
        }

        public double gflopsPerSecond() {
            return flops() / seconds / 1e9;
        }

        public String line() {
            return String.format(Locale.ROOT, "MATMUL %s %dx%d·%dx%d us=%.1f gflop_s=%.1f", role, m, k, k, n,
                    seconds * 1e6, gflopsPerSecond());
        }
    }

    /** The products of one training step, timed. */
    public record Measured(int batchSize, List<Product> products) {

        public double secondsPerBatch() {
            return products.stream().mapToDouble(Product::seconds).sum();
        }

        public double flopsPerBatch() {
            return products.stream().mapToDouble(Product::flops).sum();
        }

        /** The rate over all of a step's products together. */
        public double gflopsPerSecond() {
            return flopsPerBatch() / secondsPerBatch() / 1e9;
        }

        /** The floor of an epoch of {@code samples} items: the step's products, scaled by samples per batch. */
        public double epochSeconds(long samples) {
            return secondsPerBatch() * samples / batchSize;
        }

        public double epochFlops(long samples) {
            return flopsPerBatch() * samples / batchSize;
        }
    }

    private MatmulFloor() {}

    /**
     * Times each product of a training step: {@code repeats} products split into rounds, the median
     * round kept (the machine may be shared).
     *
     * @param widths the layer widths, input first: {784, 512, 512, 10} for the quickstart
     */
    public static Measured measure(int batchSize, long[] widths, int repeats) {
        if (repeats < ROUNDS) {
            throw new IllegalArgumentException("repeats must be at least " + ROUNDS);
        }
        List<Product> products = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int layer = 0; layer + 1 < widths.length; layer++) {
                long in = widths[layer];
                long out = widths[layer + 1];
                String name = "layer" + (layer + 1);
                products.add(time(manager, name + "-forward", batchSize, in, out, repeats));
                products.add(time(manager, name + "-weight-grad", out, batchSize, in, repeats));
                if (layer > 0) {
                    products.add(time(manager, name + "-input-grad", batchSize, out, in, repeats));
                }
            }
        }
        return new Measured(batchSize, List.copyOf(products));
    }

    private static Product time(NDManager manager, String role, long m, long k, long n, int repeats) {
        try (NDArray a = manager.randomUniform(-1, 1, new Shape(m, k));
                NDArray b = manager.randomUniform(-1, 1, new Shape(k, n))) {
            for (int i = 0; i < repeats / ROUNDS; i++) {
                a.matMul(b).close();
            }
            double[] rounds = new double[ROUNDS];
            int perRound = repeats / ROUNDS;
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    a.matMul(b).close();
                }
                rounds[r] = (System.nanoTime() - start) / 1e9 / perRound;
            }
            Arrays.sort(rounds);
            return new Product(role, m, k, n, rounds[ROUNDS / 2]);
        }
    }
}
