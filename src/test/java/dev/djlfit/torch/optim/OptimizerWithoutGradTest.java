package dev.djlfit.torch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

/**
 * A parameter no backward pass has reached yet ({@code p.grad is None}) is skipped by step(), its
 * state untouched, as torch.optim does: dynamic-net's e, when the first forward draws no x⁴ term.
 */
class OptimizerWithoutGradTest {

    /** Step 1: loss = 2a (e unused); step 2: loss = 2a + 3e. Returns {a, e} after the two steps. */
    private static float[] twoSteps(Function<List<NDArray>, Optimizer> make) {
        try (NDManager m = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            NDArray a = Torch.requiresGrad(m.create(1f));
            NDArray e = Torch.requiresGrad(m.create(1f));
            NDArray two = m.create(2f);
            NDArray three = m.create(3f);
            try (Optimizer optimizer = make.apply(List.of(a, e))) {
                Torch.step(() -> {
                    optimizer.zeroGrad();
                    Torch.backward(a.mul(two));
                    optimizer.step();
                });
                Torch.step(() -> {
                    optimizer.zeroGrad();
                    Torch.backward(a.mul(two).add(e.mul(three)));
                    optimizer.step();
                });
            }
            return new float[] {a.getFloat(), e.getFloat()};
        }
    }

    @Test
    void sgdWithMomentumStartsEsBufferAtItsFirstGradient() {
        float[] ae = twoSteps(p -> new SGD(p, 0.1, 0.9, 0.5, 0, false));
        // a: buf = 2, a = 1 - 0.2; then buf = 0.9*2 + 0.5*2 = 2.8, a -= 0.28
        assertEquals(1f - 0.2f - 0.28f, ae[0], 1e-6);
        // e: skipped at step 1; at step 2 its buffer starts as clone(grad) = 3 (no dampening): e = 1 - 0.3
        assertEquals(1f - 0.3f, ae[1], 1e-6);
    }

    @Test
    void adamCountsStepsPerParameter() {
        float[] ae = twoSteps(p -> new Adam(p, 0.1));
        // e's first Adam step (bias-corrected) moves it by lr whatever the gradient: 1 - 0.1
        assertEquals(0.9f, ae[1], 1e-6);
        // a took two steps of lr each (constant gradient)
        assertEquals(0.8f, ae[0], 1e-6);
    }

    @Test
    void rmspropLeavesEUntouchedUntilItHasAGradient() {
        float[] ae = twoSteps(p -> new RMSprop(p, 0.01));
        float first = (float) (0.01 * 3 / (Math.sqrt(0.01 * 9) + 1e-8));
        assertEquals(1f - first, ae[1], 1e-6);
    }

    @Test
    void stepBeforeAnyBackwardIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = Torch.requiresGrad(m.create(1f));
            try (SGD sgd = new SGD(List.of(a), 0.1)) {
                assertThrows(IllegalStateException.class, sgd::step);
            }
        }
    }
}
