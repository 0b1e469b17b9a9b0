package dev.djlfit.torch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Printing, train()/eval() and the errors of the classification modules and losses. */
class ClassificationModulesTest {

    /** The quickstart's model: a Flatten, then Linear/ReLU/Linear/ReLU/Linear and a Softmax. */
    static final class NeuralNetwork extends Module {
        final Flatten flatten;
        final Sequential stack;

        NeuralNetwork(NDManager m) {
            flatten = registerModule("flatten", new Flatten());
            stack = registerModule("linear_relu_stack", new Sequential(new Linear(m, 784, 512), new ReLU(),
                    new Linear(m, 512, 512), new ReLU(), new Linear(m, 512, 10), new Softmax(1)));
        }

        @Override
        public NDArray forward(NDArray x) {
            return stack.forward(flatten.forward(x));
        }
    }

    private static final String PYTHON_MODEL = "import torch\n"
            + "from torch import nn\n"
            + "class NeuralNetwork(nn.Module):\n"
            + "    def __init__(self):\n"
            + "        super().__init__()\n"
            + "        self.flatten = nn.Flatten()\n"
            + "        self.linear_relu_stack = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512),"
            + " nn.ReLU(), nn.Linear(512, 10), nn.Softmax(dim=1))\n"
            + "model = NeuralNetwork()\n";

    @Tag("external")
    @Test
    void printsAsPyTorch113() {
        List<String> python = TorchPythonAccess.run(PYTHON_MODEL
                + "print(model)\n"
                + "for m in [nn.Softmax(dim=-1), nn.LogSoftmax(dim=1), nn.CrossEntropyLoss(), nn.NLLLoss(reduction='sum'),"
                + " nn.BCEWithLogitsLoss(reduction='none')]:\n"
                + "    print(m)\n");
        try (NDManager m = NDManager.newBaseManager()) {
            List<Object> printed = List.of(new NeuralNetwork(m), new Softmax(-1), new LogSoftmax(1), new CrossEntropyLoss(),
                    new NLLLoss(Reduction.SUM), new BCEWithLogitsLoss(Reduction.NONE));
            StringBuilder java = new StringBuilder();
            for (Object o : printed) {
                java.append(o).append('\n');
            }
            assertEquals(String.join("\n", python) + "\n", java.toString());
        }
    }

    @Tag("external")
    @Test
    void trainAndEvalSetEveryModuleBelowAsPyTorchDoes() {
        List<String> python = TorchPythonAccess.run(PYTHON_MODEL
                + "def flags(): print(' '.join(str(m.training) for m in model.modules()))\n"
                + "flags()\n"
                + "assert model.eval() is model\n"
                + "flags()\n"
                + "model.linear_relu_stack[2].train()\n"
                + "flags()\n"
                + "assert model.train() is model\n"
                + "flags()\n"
                + "model.train(False)\n"
                + "flags()\n");
        try (NDManager m = NDManager.newBaseManager()) {
            NeuralNetwork model = new NeuralNetwork(m);
            List<String> java = new ArrayList<>();
            java.add(flags(model));
            assertSame(model, model.eval());
            java.add(flags(model));
            model.stack.<Linear>get(2).train();
            java.add(flags(model));
            assertSame(model, model.train());
            java.add(flags(model));
            model.train(false);
            java.add(flags(model));
            assertEquals(python, java);
        }
    }

    /** {@code ' '.join(str(m.training) for m in model.modules())}: the module, then its children depth first. */
    private static String flags(Module module) {
        List<String> out = new ArrayList<>();
        collect(module, out);
        return String.join(" ", out);
    }

    private static void collect(Module module, List<String> out) {
        out.add(module.isTraining() ? "True" : "False");
        for (Module child : module.namedChildren().values()) {
            collect(child, out);
        }
    }

    @Test
    void targetsPyTorchWouldRefuseOrBroadcastAreErrorsNamingBothShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.zeros(new Shape(4, 3));
            NDArray column = m.zeros(new Shape(4, 1), DataType.INT64);
            assertEquals("CrossEntropyLoss: an input of shape (4, 3) takes class indices of shape (4) or class probabilities"
                    + " of shape (4, 3), not a target of shape (4, 1)",
                    assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(logits, column))
                            .getMessage());
            assertEquals("NLLLoss: an input of shape (4, 3) takes class indices of shape (4), not a target of shape (4, 3)",
                    assertThrows(IllegalArgumentException.class,
                            () -> new NLLLoss().forward(logits, m.zeros(new Shape(4, 3)))).getMessage());
            assertEquals("CrossEntropyLoss: class-index targets must be int64 (PyTorch's Long), not int32;"
                    + " convert them with target.toType(DataType.INT64, false)",
                    assertThrows(IllegalArgumentException.class,
                            () -> new CrossEntropyLoss().forward(logits, m.zeros(new Shape(4), DataType.INT32)))
                            .getMessage());
            assertEquals("CrossEntropyLoss: target 3 is out of bounds for 3 classes (valid: 0 to 2)",
                    assertThrows(IllegalArgumentException.class,
                            () -> new CrossEntropyLoss().forward(logits, m.create(new long[] {0, 1, 3, 2}))).getMessage());
            assertEquals("CrossEntropyLoss: weight of shape (4) for an input of shape (4, 3); it needs one value per class,"
                    + " shape (3)",
                    assertThrows(IllegalArgumentException.class,
                            () -> new CrossEntropyLoss(m.ones(new Shape(4)), -100, Reduction.MEAN)
                                    .forward(logits, m.create(new long[] {0, 1, 2, 2}))).getMessage());
            assertEquals("BCEWithLogitsLoss: target shape (4) must be the same as input shape (4, 1)",
                    assertThrows(IllegalArgumentException.class,
                            () -> new BCEWithLogitsLoss().forward(m.zeros(new Shape(4, 1)), m.zeros(new Shape(4))))
                            .getMessage());
            assertEquals("Softmax: dim 2 is out of range for a tensor of shape (4, 3) (expected a dim in [-2, 1])",
                    assertThrows(IllegalArgumentException.class, () -> new Softmax(2).forward(logits)).getMessage());
        }
    }

    @Test
    void crossEntropyOfExtremeLogitsIsFiniteAndIgnoredTargetsCountForNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {100, -100, 0, -100, 100, 0}, new Shape(2, 3));
            // each row picks its largest logit: log(1 + e^-100 + e^-200) rounds to 0 in float32
            assertEquals(0.0, Torch.item(new CrossEntropyLoss(Reduction.SUM).forward(logits, m.create(new long[] {0, 1}))));
            // row 1 picks -100 against a 100: 200 (log(softmax) would give -log(0) = inf)
            assertEquals(100.0, Torch.item(new CrossEntropyLoss().forward(logits, m.create(new long[] {0, 0}))));
            // row 0's target ignored: the mean is over row 1 alone
            assertEquals(200.0, Torch.item(new CrossEntropyLoss(null, 1, Reduction.MEAN)
                    .forward(logits, m.create(new long[] {1, 0}))));
        }
    }
}
