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
     * A training step's products, ready to run again and again: each product once per step, in
     * the order a step computes them, so that a bench can time them between pieces of the loops it
     * compares, under the same load.
     */
    public static final class Step implements AutoCloseable {

        private final NDManager manager = NDManager.newBaseManager();
        private final List<NDArray[]> operands = new ArrayList<>();
        private final double flops;

        public Step(int batchSize, long[] widths) {
            double total = 0;
            for (long[] p : products(batchSize, widths)) {
                operands.add(new NDArray[] {manager.randomUniform(-1, 1, new Shape(p[0], p[1])),
                        manager.randomUniform(-1, 1, new Shape(p[1], p[2]))});
                total += 2.0 * p[0] * p[1] * p[2];
            }
            flops = total;
        }

        /** Floating-point operations of one step's products. */
        public double flops() {
            return flops;
        }

        /** Runs {@code steps} steps' products; returns the seconds they took. */
        public double seconds(int steps) {
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                for (NDArray[] ab : operands) {
                    ab[0].matMul(ab[1]).close();
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** {m, k, n} of each product of a step: per layer its forward, its weight's gradient, its input's (not the first). */
    static List<long[]> products(int batchSize, long[] widths) {
        List<long[]> products = new ArrayList<>();
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            long in = widths[layer];
            long out = widths[layer + 1];
            products.add(new long[] {batchSize, in, out});
            products.add(new long[] {out, batchSize, in});
            if (layer > 0) {
                products.add(new long[] {batchSize, out, in});
            }
        }
        return products;
    }

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
        String[] roles = {"forward", "weight-grad", "input-grad"};
        try (NDManager manager = NDManager.newBaseManager()) {
            int layer = 0;
            int role = 0;
            for (long[] p : products(batchSize, widths)) {
                if (role == 3 || (layer == 0 && role == 2)) {
                    layer++;
                    role = 0;
                }
                products.add(time(manager, "layer" + (layer + 1) + "-" + roles[role], p[0], p[1], p[2], repeats));
                role++;
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
