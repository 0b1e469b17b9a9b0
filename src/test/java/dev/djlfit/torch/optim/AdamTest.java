package dev.djlfit.torch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The kit's Adam (the article's --optimizer adam) against torch.optim.Adam's update rule written out in plain Java (double). */
class AdamTest {

    private static final float[] START = {0.5f, -1.5f, 2.0f, 0.0f};
    private static final float[] TARGET = {3.0f, 1.0f, -2.0f, 0.25f};

    @Test
    void followsTorchAdamsUpdateRule() {
        float lr = 0.05f;
        int steps = 60;
        float[] engine = runOnEngine(lr, steps);
        double[] reference = runInJava(lr, steps);
        for (int i = 0; i < START.length; i++) {
            assertEquals(reference[i], engine[i], 1e-5 * Math.max(1, Math.abs(reference[i])), "parameter " + i);
        }
    }

    @Test
    void firstStepMovesEveryParameterByTheLearningRate() {
        // With m̂ = g and v̂ = g² after one step, Adam's first update is lr·g/(|g| + eps): lr in size.
        float lr = 0.01f;
        float[] after = runOnEngine(lr, 1);
        for (int i = 0; i < START.length; i++) {
            assertEquals(lr, Math.abs(after[i] - START[i]), 1e-6, "parameter " + i);
        }
    }

    /** Minimises mean((p − target)²) with Adam on the engine, through autograd. */
    private static float[] runOnEngine(float lr, int steps) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray p = manager.create(START);
            p.setRequiresGradient(true);
            NDArray target = manager.create(TARGET);
            NDArray one = manager.ones(new Shape());
            try (Optimizer adam = new Adam(List.of(p), lr);
                    GradMode grad = Torch.enableGrad()) {
                for (int i = 0; i < steps; i++) {
                    try (NDScope step = new NDScope()) {
                        NDArray loss = p.sub(target).square().mean();
                        Torch.backward(loss, one);
                        adam.step();
                        adam.zeroGrad();
                    }
                }
            }
            return p.toFloatArray();
        }
    }

    /** The same in double: the gradient of mean((p − t)²) is 2(p − t)/n. */
    private static double[] runInJava(double lr, int steps) {
        int n = START.length;
        double[] p = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = START[i];
        }
        for (int t = 1; t <= steps; t++) {
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < n; i++) {
                double g = 2 * (p[i] - TARGET[i]) / n;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double denom = Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8;
                p[i] -= lr / bc1 * m[i] / denom;
            }
        }
        return p;
    }
}
