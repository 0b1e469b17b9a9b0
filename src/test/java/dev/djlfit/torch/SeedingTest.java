package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Sequential;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The kit's draws after {@code Torch.manualSeed} against PyTorch's after {@code torch.manual_seed}: bit-equal. */
@Tag("external")
class SeedingTest {

    private static final long[] SEEDS = {3, 1234, 987654321L};

    @Test
    void randnScalarsRandAndLinearInitAreBitEqualToPyTorch() {
        StringBuilder program = new StringBuilder("import torch\n"
                + "def show(t): print(' '.join(repr(float(v)) for v in t.detach().reshape(-1).tolist()))\n");
        for (long seed : SEEDS) {
            program.append("torch.manual_seed(").append(seed).append(")\n")
                    .append("show(torch.stack([torch.randn(()) for _ in range(5)]))\n")
                    .append("show(torch.rand(3, 2))\n")
                    .append("show(torch.randn(4))\n")
                    .append("m = torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Linear(5, 4, bias=False), torch.nn.Linear(7, 2))\n")
                    .append("for p in m.parameters(): show(p)\n");
        }
        List<String> python = TorchPython.run(program.toString());

        List<double[]> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (long seed : SEEDS) {
                Torch.manualSeed(seed);
                float[] scalars = new float[5];
                for (int i = 0; i < 5; i++) {
                    NDArray s = Torch.randn(manager);
                    assertEquals(0, s.getShape().dimension());
                    scalars[i] = s.getFloat();
                }
                java.add(widen(scalars));
                java.add(widen(Torch.rand(manager, 3, 2).toFloatArray()));
                java.add(widen(Torch.randn(manager, 4).toFloatArray()));
                Sequential m = new Sequential(new Linear(manager, 3, 1), new Linear(manager, 5, 4, false),
                        new Linear(manager, 7, 2));
                for (NDArray p : m.parameters()) {
                    java.add(widen(p.toFloatArray()));
                }
            }
        }
        assertEquals(python.size(), java.size());
        for (int i = 0; i < java.size(); i++) {
            assertArrayEquals(TorchPython.numbers(python.get(i)), java.get(i), 0, "line " + i);
        }
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
