package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;
import dev.djlfit.torch.optim.SGD;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The pieces of a classification loop together, in the quickstart's shape (Flatten, Linear/ReLU
 * stack, CrossEntropyLoss, SGD, train()/eval(), accuracy under no_grad), against torch 1.13 at
 * seed 2024: same initial parameters and data (bit-equal draws), then every loss, the final
 * parameters, the test loss and the number correct.
 *
 * <p>Tolerance, from PyTorch against itself: the Python side trains twice more with every
 * initial parameter moved one ulp up, then down (what a different rounding of one matrix product
 * does to the next step), and the kit may differ from PyTorch by twice the larger of those moves
 * (plus 2 ulps of the value, for values that did not move).
 */
class ClassifierTrainingParityTest {

    private static final int STEPS = 20;

    private static final String PYTHON = "import torch\n"
            + "from torch import nn\n"
            + "def run(nudge):\n"
            + "    torch.manual_seed(2024)\n"
            + "    model = nn.Sequential(nn.Flatten(), nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 4))\n"
            + "    x = torch.rand(32, 3, 4)\n"
            + "    y = torch.randint(0, 4, (32,))\n"
            + "    if nudge:\n"
            + "        with torch.no_grad():\n"
            + "            for p in model.parameters(): p.copy_(torch.nextafter(p, torch.tensor(nudge)))\n"
            + "    loss_fn = nn.CrossEntropyLoss()\n"
            + "    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)\n"
            + "    model.train()\n"
            + "    values = []\n"
            + "    for step in range(" + STEPS + "):\n"
            + "        loss = loss_fn(model(x), y)\n"
            + "        loss.backward()\n"
            + "        optimizer.step()\n"
            + "        optimizer.zero_grad()\n"
            + "        values.append(loss.item())\n"
            + "    model.eval()\n"
            + "    with torch.no_grad():\n"
            + "        pred = model(x)\n"
            + "        values.append(loss_fn(pred, y).item())\n"
            + "        values.append((pred.argmax(1) == y).type(torch.float).sum().item())\n"
            + "    for p in model.parameters(): values.extend(p.detach().reshape(-1).tolist())\n"
            + "    return values\n"
            + "base = run(0.0)\n"
            + "up = run(float('inf'))\n"
            + "down = run(float('-inf'))\n"
            + "print(' '.join(repr(v) for v in base))\n"
            + "print(' '.join(repr(max(abs(a - b), abs(c - b))) for a, b, c in zip(up, base, down)))\n";

    @Tag("external")
    @Test
    void aQuickstartShapedLoopMatchesPyTorch() {
        List<Double> java = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(); GradMode grad = Torch.enableGrad()) {
            Torch.manualSeed(2024);
            Sequential model = new Sequential(new Flatten(), new Linear(m, 12, 16), new ReLU(), new Linear(m, 16, 4));
            NDArray x = Torch.rand(m, 32, 3, 4);
            NDArray y = Torch.randint(m, 0, 4, 32);
            CrossEntropyLoss lossFn = new CrossEntropyLoss();
            try (SGD optimizer = new SGD(model.parameters(), 0.5)) {
                model.train();
                for (int step = 0; step < STEPS; step++) {
                    Torch.step(() -> {
                        NDArray loss = lossFn.forward(model.forward(x), y);
                        Torch.backward(loss);
                        optimizer.step();
                        optimizer.zeroGrad();
                        java.add(Torch.item(loss));
                    });
                }
            }
            model.eval();
            assertFalse(model.<Linear>get(1).isTraining());
            try (GradMode noGrad = Torch.noGrad()) {
                NDArray pred = model.forward(x);
                java.add(Torch.item(lossFn.forward(pred, y)));
                java.add(Torch.item(pred.argMax(1).eq(y).toType(DataType.FLOAT32, false).sum()));
            }
            for (NDArray p : model.parameters()) {
                for (float v : p.toFloatArray()) {
                    java.add((double) v);
                }
            }
        }
        List<String> python = TorchPythonAccess.run(PYTHON);
        double[] expected = TorchPythonAccess.numbers(python.get(0));
        double[] spread = TorchPythonAccess.numbers(python.get(1));
        assertEquals(expected.length, java.size());
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs(java.get(i) - expected[i]);
            double allowed = 2 * spread[i] + 2 * Math.ulp((float) expected[i]);
            int index = i;
            assertTrue(difference <= allowed, () -> "value " + index + ": PyTorch " + expected[index] + ", kit "
                    + java.get(index) + ", PyTorch against itself " + spread[index]);
            worst = Math.max(worst, difference);
        }
        assertTrue(expected[0] > expected[STEPS - 1], "the loop learns: loss " + expected[0] + " → " + expected[STEPS - 1]);
        System.out.println("ClassifierTrainingParityTest: " + expected.length + " values, largest difference " + worst
                + "; losses " + expected[0] + " → " + expected[STEPS - 1] + ", correct " + expected[STEPS + 1] + "/32");
    }
}
