package dev.djlfit.torch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two kinds of draws a shuffled {@link DataLoader} makes, against Debian's PyTorch 1.13: the
 * int64 {@code random_()} on the global generator, and {@code randperm} on a fresh seeded one.
 */
class GeneratorParityTest {

    private static final long[] SEEDS = {5, 42, 2024, 99991};

    @Tag("external")
    @Test
    void int64DrawsAndTheNormalsAfterThemAreTorchs() {
        StringBuilder program = new StringBuilder("import torch\n");
        List<String> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (long seed : SEEDS) {
                program.append("torch.manual_seed(").append(seed).append(")\n")
                        .append("print(' '.join(str(torch.empty((), dtype=torch.int64).random_().item()) for _ in range(3)))\n")
                        .append("print(' '.join(map(str, torch.randn(4).view(torch.int32).tolist())))\n");
                Torch.manualSeed(seed);
                java.add(GlobalGenerator.randomInt64() + " " + GlobalGenerator.randomInt64() + " "
                        + GlobalGenerator.randomInt64());
                java.add(floatBits(Torch.randn(manager, 4)));
            }
        }
        assertEquals(TorchPythonAccess.run(program.toString()), java);
    }

    @Tag("external")
    @Test
    void randpermOnAFreshGeneratorIsTorchs() {
        long[] seeds = {0, 5, 42, 2024, 99991, 4294967295L, 4294967296L + 7, 6957366898497470587L, Long.MAX_VALUE};
        int[] sizes = {1, 2, 3, 10, 64, 1003, 60000};
        StringBuilder program = new StringBuilder("import torch\n");
        List<String> java = new ArrayList<>();
        for (long seed : seeds) {
            for (int n : sizes) {
                program.append("g = torch.Generator()\n")
                        .append("g.manual_seed(").append(seed).append(")\n")
                        .append("print(' '.join(map(str, torch.randperm(").append(n).append(", generator=g).tolist())))\n");
                java.add(Arrays.stream(Randperm.randperm(n, seed)).mapToObj(String::valueOf)
                        .collect(Collectors.joining(" ")));
            }
        }
        List<String> python = TorchPythonAccess.run(program.toString());
        assertEquals(java.size(), python.size());
        for (int i = 0; i < java.size(); i++) {
            assertEquals(python.get(i), java.get(i), "permutation " + i);
        }
    }

    @Test
    void randpermIsAPermutation() {
        int[] order = Randperm.randperm(1000, 123);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        int[] identity = new int[1000];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
    }

    static String floatBits(NDArray values) {
        StringBuilder out = new StringBuilder();
        for (float v : values.toFloatArray()) {
            out.append(out.length() == 0 ? "" : " ").append(Float.floatToRawIntBits(v));
        }
        return out.toString();
    }
}
