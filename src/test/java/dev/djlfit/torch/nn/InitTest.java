package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** {@code torch.nn.init} after the same seed as PyTorch: bit-equal draws, the generator in step after. */
class InitTest {

    private static final long[] SEEDS = {5, 42, 2024};
    private static final String[] GAINS = {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"};

    @Tag("external")
    @Test
    void initialisersAreBitEqualToPyTorch() {
        StringBuilder program = new StringBuilder("import math, torch\nfrom torch import nn\n"
                + "def show(t): print(' '.join(repr(v) for v in t.detach().reshape(-1).tolist()))\n");
        for (String g : GAINS) {
            program.append("print(repr(float(nn.init.calculate_gain('").append(g).append("', 0.2))))\n");
        }
        for (long seed : SEEDS) {
            program.append("torch.manual_seed(").append(seed).append(")\n")
                    .append("show(nn.init.xavier_uniform_(torch.empty(3, 5)))\n")
                    .append("show(nn.init.xavier_uniform_(torch.empty(4, 2, 3), gain=nn.init.calculate_gain('tanh')))\n")
                    .append("show(nn.init.kaiming_uniform_(torch.empty(6, 4)))\n")
                    .append("show(nn.init.kaiming_uniform_(torch.empty(6, 4), a=math.sqrt(5)))\n")
                    .append("show(nn.init.kaiming_uniform_(torch.empty(5, 3), mode='fan_out', nonlinearity='relu'))\n")
                    .append("w = torch.empty(7)\n")
                    .append("show(nn.init.normal_(w))\nshow(nn.init.normal_(w, 1, 0.5))\n")
                    .append("show(nn.init.uniform_(w))\nshow(nn.init.uniform_(w, -2, 3))\n")
                    .append("show(nn.init.constant_(w, 0.3))\nshow(nn.init.zeros_(w))\nshow(nn.init.ones_(w))\n")
                    .append("show(torch.randn(3))\n");
        }
        List<String> python = TorchPythonAccess.run(program.toString());

        List<String> java = new ArrayList<>();
        for (String g : GAINS) {
            java.add(PyFormat.repr(Init.calculateGain(g, 0.2)));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            for (long seed : SEEDS) {
                Torch.manualSeed(seed);
                java.add(TorchPythonAccess.floatReprs(Init.xavierUniform_(Torch.zeros(m, 3, 5))));
                java.add(TorchPythonAccess.floatReprs(Init.xavierUniform_(Torch.zeros(m, 4, 2, 3), Init.calculateGain("tanh", 0))));
                java.add(TorchPythonAccess.floatReprs(Init.kaimingUniform_(Torch.zeros(m, 6, 4))));
                java.add(TorchPythonAccess.floatReprs(Init.kaimingUniform_(Torch.zeros(m, 6, 4), Math.sqrt(5), "fan_in", "leaky_relu")));
                java.add(TorchPythonAccess.floatReprs(Init.kaimingUniform_(Torch.zeros(m, 5, 3), 0, "fan_out", "relu")));
                NDArray w = Torch.zeros(m, 7);
                assertSame(w, Init.normal_(w));
                java.add(TorchPythonAccess.floatReprs(w));
                java.add(TorchPythonAccess.floatReprs(Init.normal_(w, 1, 0.5)));
                java.add(TorchPythonAccess.floatReprs(Init.uniform_(w)));
                java.add(TorchPythonAccess.floatReprs(Init.uniform_(w, -2, 3)));
                java.add(TorchPythonAccess.floatReprs(Init.constant_(w, 0.3)));
                java.add(TorchPythonAccess.floatReprs(Init.zeros_(w)));
                java.add(TorchPythonAccess.floatReprs(Init.ones_(w)));
                java.add(TorchPythonAccess.floatReprs(Torch.randn(m, 3)));
            }
        }
        assertEquals(python.size(), java.size());
        for (int i = 0; i < java.size(); i++) {
            assertEquals(python.get(i), java.get(i), "line " + i);
        }
    }

    @Test
    void kaimingWithSqrt5IsLinearsOwnInit() {
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(42);
            float[] viaInit = Init.kaimingUniform_(Torch.zeros(m, 6, 4), Math.sqrt(5), "fan_in", "leaky_relu").toFloatArray();
            Torch.manualSeed(42);
            assertEquals(List.of(toList(viaInit)), List.of(toList(new Linear(m, 4, 6).weight().toFloatArray())));
        }
    }

    @Test
    void tensorsWithoutFansAndUnknownNamesAreClearErrors() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("xavier_uniform_: fan in and fan out can not be computed for a tensor of shape (7)"
                    + " (fewer than 2 dimensions)",
                    assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(Torch.zeros(m, 7))).getMessage());
            assertEquals("Unsupported nonlinearity gelu", assertThrows(IllegalArgumentException.class,
                    () -> Init.kaimingUniform_(Torch.zeros(m, 2, 2), 0, "fan_in", "gelu")).getMessage());
        }
    }

    private static List<Float> toList(float[] values) {
        List<Float> out = new ArrayList<>();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }
}
