package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Reduction;
import dev.djlfit.torch.nn.Sequential;
import dev.djlfit.torch.optim.RMSprop;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Torch#step} and {@link Torch#stepScope}: a tutorial-like loop of 10000 steps leaves the
 * manager's array count where it was.
 */
class StepMemoryTest {

    @Tag("slow")
    @Test
    void tenThousandStepsKeepTheArrayCountFlat() {
        try (NDManager manager = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            LegendreFit fit = LegendreFit.of(manager);
            try (RMSprop optimizer = new RMSprop(fit.model().parameters(), 1e-3)) {
                int[] counts = new int[3];
                for (int t = 0; t < 10_000; t++) {
                    Torch.step(() -> {
                        NDArray loss = fit.loss();
                        if (Torch.item(loss) < 0) {
                            throw new AssertionError();
                        }
                        Torch.backward(loss);
                        optimizer.step();
                        optimizer.zeroGrad();
                    });
                    if (t == 10 || t == 5_000 || t == 9_999) {
                        counts[t == 10 ? 0 : t == 5_000 ? 1 : 2] = manager.getManagedArrays().size();
                    }
                }
                assertEquals(counts[0], counts[1], "arrays after step 10 and after step 5000");
                assertEquals(counts[0], counts[2], "arrays after step 10 and after step 9999");
                assertEquals(0, Torch.pendingFunctions(), "the Function tape holds nothing after the steps");
            }
        }
    }

    /** The same loop written as a plain {@code for} with a running sum, each step in {@code try (var step = Torch.stepScope())}. */
    @Test
    void stepScopeInAPlainForLoopKeepsTheArrayCountFlat() {
        try (NDManager manager = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            LegendreFit fit = LegendreFit.of(manager);
            try (RMSprop optimizer = new RMSprop(fit.model().parameters(), 1e-3)) {
                int afterTen = -1;
                double runningLoss = 0;
                for (int t = 0; t < 10_000; t++) {
                    try (var step = Torch.stepScope()) {
                        NDArray loss = fit.loss();
                        runningLoss += Torch.item(loss);
                        Torch.backward(loss);
                        optimizer.step();
                        optimizer.zeroGrad();
                    }
                    if (t == 10) {
                        afterTen = manager.getManagedArrays().size();
                    }
                }
                assertEquals(afterTen, manager.getManagedArrays().size(), "arrays after step 10 and after step 9999");
                assertTrue(runningLoss > 0 && Double.isFinite(runningLoss), "running loss " + runningLoss);
                assertEquals(0, Torch.pendingFunctions(), "the Function tape holds nothing after the steps");
            }
        }
    }

    /** The tutorial's sin(x) fit by a Legendre polynomial of degree 3, seeded with 0: what both loops train. */
    private record LegendreFit(NDArray xx, NDArray y, Sequential model, MSELoss lossFn,
            FunctionTest.LegendrePolynomial3 p3) {

        static LegendreFit of(NDManager manager) {
            Torch.manualSeed(0);
            NDArray x = Torch.linspace(manager, -Math.PI, Math.PI, 200);
            NDArray y = x.sin();
            NDArray xx = x.expandDims(-1).pow(Torch.tensor(manager, 1, 2, 3));
            Sequential model = new Sequential(new Linear(manager, 3, 1), new Flatten(0, 1));
            return new LegendreFit(xx, y, model, new MSELoss(Reduction.SUM), new FunctionTest.LegendrePolynomial3());
        }

        NDArray loss() {
            return lossFn.forward(p3.apply(model.forward(xx)), y);
        }
    }

    /** Closing a step scope frees what was made in it, and not what was made before it. */
    @Test
    void stepScopeFreesOnlyTheStepsArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray kept = Torch.ones(manager, 3);
            NDArray made;
            try (var step = Torch.stepScope()) {
                made = kept.add(kept);
                assertEquals(6.0, Torch.item(made.sum()));
            }
            assertTrue(made.isReleased(), "an array made in the step is freed when it closes");
            assertTrue(!kept.isReleased(), "an array made before the step stays");
        }
    }
}
