package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.nn.BCEWithLogitsLoss;
import org.junit.jupiter.api.Test;

/**
 * {@code t.is_leaf}, {@code t.requires_grad} and {@code t.grad_fn} of any tensor (a leaf's
 * {@code grad_fn} is asked without crashing the process), and {@code backward(retain_graph=True)}.
 */
class AutogradQueriesTest {

    @Test
    void leavesAndComputedTensorsAreToldApart() {
        try (GradMode grad = Torch.enableGrad(); NDManager m = NDManager.newBaseManager()) {
            NDArray x = Torch.ones(m, 5);
            NDArray w = Torch.requiresGrad(Torch.randn(m, 5, 3));
            NDArray z = x.matMul(w);
            NDArray fromPlain = x.mul(x);
            NDArray underNoGrad;
            try (GradMode noGrad = Torch.noGrad()) {
                underNoGrad = x.matMul(w);
            }
            NDArray detached = Torch.detach(z);

            assertTrue(Torch.isLeaf(x) && Torch.isLeaf(w) && Torch.isLeaf(fromPlain) && Torch.isLeaf(underNoGrad)
                    && Torch.isLeaf(detached));
            assertFalse(Torch.isLeaf(z));
            assertTrue(Torch.requiresGradOf(w) && Torch.requiresGradOf(z));
            assertFalse(Torch.requiresGradOf(x) || Torch.requiresGradOf(fromPlain) || Torch.requiresGradOf(underNoGrad)
                    || Torch.requiresGradOf(detached));
            assertFalse(Torch.isLeafRequiringGrad(x), "asking changed nothing");
            assertEquals("", Torch.gradFnName(x), "None, asked of a leaf without crashing");
            assertEquals("", Torch.gradFnName(w));
            assertEquals("AddBackward0", Torch.gradFnName(z.add(x.get("0"))));
        }
    }

    @Test
    void aFunctionsOutputIsNamedAsPyTorchNamesItsNode() {
        try (GradMode grad = Torch.enableGrad(); NDManager m = NDManager.newBaseManager()) {
            NDArray z = Torch.requiresGrad(Torch.randn(m, 3)).mul(Torch.ones(m, 3));
            NDArray loss = BCEWithLogitsLoss.binaryCrossEntropyWithLogits(z, Torch.zeros(m, 3));
            assertEquals("BinaryCrossEntropyWithLogitsBackward0", Torch.gradFnName(loss));
            assertTrue(Torch.requiresGradOf(loss));
        }
    }

    @Test
    void retainedGraphsGradientsAccumulateAcrossBackwardCalls() {
        try (GradMode grad = Torch.enableGrad(); NDManager m = NDManager.newBaseManager()) {
            NDArray inp = Torch.requiresGrad(Torch.tensor(m, 0f, 1f, 2f));
            NDArray out = inp.mul(inp);
            NDArray ones = out.onesLike();
            Torch.backward(out, ones, true);
            assertArrayEquals(new float[] {0, 2, 4}, Torch.grad(inp).toFloatArray());
            Torch.backward(out, ones, true);
            assertArrayEquals(new float[] {0, 4, 8}, Torch.grad(inp).toFloatArray(), "added to, as PyTorch does");
            Torch.zeroGrad(inp);
            Torch.backward(out, ones, false);
            assertArrayEquals(new float[] {0, 2, 4}, Torch.grad(inp).toFloatArray());
            assertThrows(EngineException.class, () -> Torch.backward(out, ones, false), "the graph is freed now");
        }
    }
}
