package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Init;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NNetInitTest {

    private static final Architecture DEEP = ModelKind.DEEP.architecture(10, Nonlinearity.TANH);

    @Test
    void boundsAreOneOverSqrtFanInAsTorchComputesThem() {
        assertEquals(1.0f, (float) Init.linearWeightBound(1));
        assertEquals(1.0f, (float) Init.linearBiasBound(1));
        assertEquals((float) (1 / Math.sqrt(10)), (float) Init.linearWeightBound(10), 1e-7f);
        assertEquals((float) (1 / Math.sqrt(10)), (float) Init.linearBiasBound(10));
    }

    @Test
    void parametersComeInPyTorchOrderWithPyTorchShapes() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, TensorValues> p = Nets.initialise(manager, DEEP, 0).stateDict();
            assertEquals(List.of("l1.weight", "l1.bias", "l2.weight", "l2.bias", "l3.weight", "l3.bias"),
                    List.copyOf(p.keySet()));
            assertArrayEquals(new long[] {10, 1}, p.get("l1.weight").shape());
            assertArrayEquals(new long[] {10}, p.get("l1.bias").shape());
            assertArrayEquals(new long[] {10, 10}, p.get("l2.weight").shape());
            assertArrayEquals(new long[] {1, 10}, p.get("l3.weight").shape());
            assertArrayEquals(new long[] {1}, p.get("l3.bias").shape());
        }
    }

    @Test
    void everyParameterLiesWithinItsBound() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (int seed = 0; seed < 5; seed++) {
                Map<String, TensorValues> p = Nets.initialise(manager, DEEP, seed).stateDict();
                assertWithin(p.get("l1.weight"), 1.0f);
                assertWithin(p.get("l1.bias"), 1.0f);
                assertWithin(p.get("l2.weight"), (float) Init.linearWeightBound(10));
                assertWithin(p.get("l3.bias"), (float) Init.linearBiasBound(10));
            }
        }
    }

    @Test
    void drawsAreTheSeededGeneratorsInLayerOrder() {
        Architecture twoLayer = ModelKind.TANH.architecture(10, Nonlinearity.TANH);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, TensorValues> net = Nets.initialise(manager, twoLayer, 7).stateDict();
            Engine.getInstance().setRandomSeed(7);
            float b = (float) Init.linearWeightBound(10);
            float[] w1 = manager.randomUniform(-1f, 1f, new Shape(10, 1)).toFloatArray();
            float[] b1 = manager.randomUniform(-1f, 1f, new Shape(10)).toFloatArray();
            float[] w2 = manager.randomUniform(-b, b, new Shape(1, 10)).toFloatArray();
            float[] b2 = manager.randomUniform(-b, b, new Shape(1)).toFloatArray();
            assertArrayEquals(w1, net.get("l1.weight").values());
            assertArrayEquals(b1, net.get("l1.bias").values());
            assertArrayEquals(w2, net.get("l2.weight").values());
            assertArrayEquals(b2, net.get("l2.bias").values());
        }
    }

    /**
     * torch.manual_seed(0); torch.nn.Linear(1, 10) gives these first weights in PyTorch 1.13.1
     * (Debian's python3-torch) and 2.x alike: [-0.007486820220947266, 0.5364435911178589,
     * -0.8230451345443726, ...], and the l2 bias of NNet is -0.1233 (printed by PyTorch).
     */
    @Test
    void seedZeroGivesPyTorchsSeedZeroNet() {
        Architecture twoLayer = ModelKind.LINEAR.architecture(10, Nonlinearity.TANH);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, TensorValues> p = Nets.initialise(manager, twoLayer, 0).stateDict();
            float[] w1 = p.get("l1.weight").values();
            assertEquals(-0.007486820220947266f, w1[0]);
            assertEquals(0.5364435911178589f, w1[1]);
            assertEquals(-0.8230451345443726f, w1[2]);
            assertEquals(-0.1233f, p.get("l2.bias").get(0), 5e-5f);
        }
    }

    @Test
    void differentSeedsGiveDifferentNetsAndTheSameSeedTheSameNet() {
        Architecture twoLayer = ModelKind.TANH.architecture(10, Nonlinearity.TANH);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TensorValues a = Nets.initialise(manager, twoLayer, 1).stateDict().get("l1.weight");
            TensorValues b = Nets.initialise(manager, twoLayer, 2).stateDict().get("l1.weight");
            TensorValues c = Nets.initialise(manager, twoLayer, 1).stateDict().get("l1.weight");
            assertNotEquals(a, b);
            assertEquals(a, c);
        }
    }

    /**
     * The post's {@code torch.manual_seed(s); fit = NNet()} as {@link Article#run} writes it, on the
     * CPU, is the net {@link Nets#initialise} builds from the same seed, and the values
     * {@link Nets#initialValues} draws for the sweep.
     */
    @Test
    void everyWayOfSeedingANetGivesTheSameBits() {
        List<Architecture> nets = List.of(ModelKind.LINEAR.architecture(10, Nonlinearity.TANH),
                ModelKind.DEEP.architecture(7, Nonlinearity.RELU), new Architecture(new int[] {1, 3, 4, 5, 1}, Nonlinearity.SIGMOID));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (Architecture architecture : nets) {
                for (int seed : new int[] {0, 5}) {
                    Map<String, TensorValues> built = Nets.initialise(manager, architecture, seed).stateDict();
                    Torch.manualSeed(seed);
                    assertEquals(built, new NNet(manager, architecture).stateDict(), architecture + " seed " + seed);
                    assertEquals(built, Nets.initialValues(architecture, seed), architecture + " seed " + seed);
                    assertEquals(built, Nets.initialValues(architecture, new int[] {seed}).get(0));
                }
            }
        }
    }

    private static void assertWithin(TensorValues t, float bound) {
        for (float v : t.values()) {
            assertTrue(Math.abs(v) <= bound, v + " outside ±" + bound);
        }
    }
}
