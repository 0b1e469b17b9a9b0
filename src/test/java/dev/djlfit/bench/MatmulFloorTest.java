package dev.djlfit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The floor counts a training step's matrix products from the layer sizes, and times each. */
class MatmulFloorTest {

    private static final long[] QUICKSTART = {784, 512, 512, 10};

    @Test
    void aStepIsEachLayersForwardAndWeightGradientAndTheInputGradientsBelowTheFirst() {
        List<long[]> products = MatmulFloor.products(64, QUICKSTART);
        assertEquals(8, products.size());
        assertArrayEquals(new long[] {64, 784, 512}, products.get(0), "x · W1ᵀ");
        assertArrayEquals(new long[] {512, 64, 784}, products.get(1), "dW1 = g1ᵀ · x");
        assertArrayEquals(new long[] {64, 512, 512}, products.get(2), "h1 · W2ᵀ");
        assertArrayEquals(new long[] {512, 64, 512}, products.get(3), "dW2 = g2ᵀ · h1");
        assertArrayEquals(new long[] {64, 512, 512}, products.get(4), "dh1 = g2 · W2");
        assertArrayEquals(new long[] {64, 512, 10}, products.get(5), "h2 · W3ᵀ");
        assertArrayEquals(new long[] {10, 64, 512}, products.get(6), "dW3 = g3ᵀ · h2");
        assertArrayEquals(new long[] {64, 10, 512}, products.get(7), "dh2 = g3 · W3");
    }

    @Test
    void anEpochOfTheQuickstartIs192GigaflopOfProducts() {
        double weights = 784 * 512 + 512 * 512 + 512 * 10;
        double perSample = 2 * weights /* forward */ + 2 * weights /* weight gradients */
                + 2 * (512 * 512 + 512 * 10) /* input gradients above the first layer */;
        try (MatmulFloor.Step step = new MatmulFloor.Step(64, QUICKSTART)) {
            assertEquals(perSample * 64, step.flops());
            assertEquals(192.55, step.flops() * 60000 / 64 / 1e9, 0.01);
            assertTrue(step.seconds(2) > 0);
        }
    }

    @Test
    void eachProductIsTimedAndNamed() {
        MatmulFloor.Measured measured = MatmulFloor.measure(64, QUICKSTART, 5);
        assertEquals(List.of("layer1-forward", "layer1-weight-grad", "layer2-forward", "layer2-weight-grad",
                "layer2-input-grad", "layer3-forward", "layer3-weight-grad", "layer3-input-grad"),
                measured.products().stream().map(MatmulFloor.Product::role).toList());
        assertTrue(measured.products().stream().allMatch(p -> p.seconds() > 0));
        assertEquals(measured.flopsPerBatch() * 60000 / 64, measured.epochFlops(60000), 1);
    }
}
