package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** The article's NNet shape: children l1, l2 and an activation applied in forward. */
    static final class NNet extends Module {
        final Linear l1;
        final Linear l2;

        NNet(NDManager m) {
            l1 = registerModule("l1", new Linear(m, 1, 10));
            l2 = registerModule("l2", new Linear(m, 10, 1));
        }

        @Override
        public NDArray forward(NDArray x) {
            return l2.forward(l1.forward(x).tanh());
        }
    }

    /** A module holding four scalars, as polynomial_module's Polynomial3. */
    static final class Polynomial3 extends Module {
        final NDArray a;
        final NDArray b;

        Polynomial3(NDManager m) {
            a = registerParameter("a", Torch.randn(m));
            b = registerParameter("b", Torch.randn(m));
        }

        @Override
        public NDArray forward(NDArray x) {
            return a.add(b.mul(x));
        }
    }

    @Tag("external")
    @Test
    void printsAsPyTorch113PrintsTheSameModules() {
        List<String> python = TorchPythonAccess.run("import torch\n"
                + "class NNet(torch.nn.Module):\n"
                + "    def __init__(self):\n"
                + "        super().__init__()\n"
                + "        self.l1 = torch.nn.Linear(1, 10)\n"
                + "        self.l2 = torch.nn.Linear(10, 1)\n"
                + "class Polynomial3(torch.nn.Module):\n"
                + "    def __init__(self):\n"
                + "        super().__init__()\n"
                + "        self.a = torch.nn.Parameter(torch.randn(()))\n"
                + "        self.b = torch.nn.Parameter(torch.randn(()))\n"
                + "for m in [torch.nn.Sequential(torch.nn.Linear(3, 1), torch.nn.Flatten(0, 1)), NNet(), Polynomial3(),\n"
                + "          torch.nn.Sequential(torch.nn.Linear(2, 4, bias=False), torch.nn.Tanh(), torch.nn.Sequential(torch.nn.ReLU(), torch.nn.Sigmoid()), torch.nn.Flatten()),\n"
                + "          torch.nn.Linear(5, 6)]:\n"
                + "    print(m)\n"
                + "    print([n for n, _ in m.named_parameters()])\n");
        try (NDManager m = NDManager.newBaseManager()) {
            List<Module> modules = List.of(
                    new Sequential(new Linear(m, 3, 1, true), new Flatten(0, 1)),
                    new NNet(m),
                    new Polynomial3(m),
                    new Sequential(new Linear(m, 2, 4, false), new Tanh(), new Sequential(new ReLU(), new Sigmoid()),
                            new Flatten()),
                    new Linear(m, 5, 6));
            StringBuilder java = new StringBuilder();
            for (Module module : modules) {
                java.append(module).append('\n');
                java.append(pythonList(module.namedParameters().keySet())).append('\n');
            }
            assertEquals(String.join("\n", python) + "\n", java.toString());
        }
    }

    private static String pythonList(Iterable<String> names) {
        StringBuilder out = new StringBuilder("[");
        for (String n : names) {
            out.append(out.length() == 1 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return out.append(']').toString();
    }

    @Test
    void parameterArraysCarryTheirDottedNames() {
        try (NDManager m = NDManager.newBaseManager()) {
            Sequential model = new Sequential(new NNet(m), new Linear(m, 1, 2));
            assertEquals(List.of("0.l1.weight", "0.l1.bias", "0.l2.weight", "0.l2.bias", "1.weight", "1.bias"),
                    model.parameters().stream().map(NDArray::getName).toList());
            assertEquals(List.copyOf(model.namedParameters().keySet()),
                    model.parameters().stream().map(NDArray::getName).toList());
        }
    }

    @Test
    void stateDictCopiesAndLoadStateDictRestoresInPlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(1);
            NNet a = new NNet(m);
            NNet b = new NNet(m);
            Map<String, TensorValues> saved = a.stateDict();
            NDArray bWeight = b.l1.weight();
            b.loadStateDict(saved);
            assertEquals(saved, b.stateDict());
            assertArrayEquals(a.l1.weight().toFloatArray(), bWeight.toFloatArray(), "copied into the same array");
            try (GradMode noGrad = Torch.noGrad()) {
                a.l1.weight().addi(m.ones(new Shape(10, 1)));
            }
            assertEquals(saved.get("l1.weight"), b.stateDict().get("l1.weight"), "the state dict was a copy");

            Map<String, TensorValues> wrongShape = new java.util.LinkedHashMap<>(saved);
            wrongShape.put("l2.bias", TensorValues.vector(1, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(wrongShape));
            assertEquals(true, e.getMessage().contains("l2.bias"), e.getMessage());
            Map<String, TensorValues> missing = new java.util.LinkedHashMap<>(saved);
            missing.remove("l1.bias");
            assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(missing));
        }
    }

    @Test
    void zeroGradClearsEveryGradientInPlace() {
        try (NDManager m = NDManager.newBaseManager();
                GradMode grad = Torch.enableGrad()) {
            NNet net = new NNet(m);
            NDArray x = m.create(new float[] {0.5f, -1f}, new Shape(2, 1));
            Torch.backward(net.forward(x).sum());
            float[] once = Torch.grad(net.l1.weight()).toFloatArray();
            Torch.backward(net.forward(x).sum());
            assertArrayEquals(doubled(once), Torch.grad(net.l1.weight()).toFloatArray(), "a second backward accumulates");
            net.zeroGrad();
            for (NDArray p : net.parameters()) {
                assertArrayEquals(new float[(int) p.size()], Torch.grad(p).toFloatArray());
            }
        }
    }

    private static float[] doubled(float[] v) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] + v[i];
        }
        return out;
    }

    @Test
    void flattenMergesTheGivenDimensions() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(2, 3, 4));
            assertEquals(new Shape(24), new Flatten(0, -1).forward(x).getShape());
            assertEquals(new Shape(2, 12), new Flatten().forward(x).getShape());
            assertEquals(new Shape(6, 4), new Flatten(0, 1).forward(x).getShape());
            assertEquals(new Shape(2000), new Flatten(0, 1).forward(m.zeros(new Shape(2000, 1))).getShape());
        }
    }
}
