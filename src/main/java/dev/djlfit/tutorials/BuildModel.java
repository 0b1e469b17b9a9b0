package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorAttributes;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.nn.ReLU;
import dev.djlfit.torch.nn.Sequential;
import dev.djlfit.torch.nn.Softmax;

import java.util.Map;

/**
 * basics/buildmodel_tutorial.py: a 784→512→512→10 ReLU network printed, asked for one prediction
 * through {@code nn.Softmax}, its layers taken apart on a batch of three random images, and its
 * parameters listed.
 */
final class BuildModel implements Program {

    /** {@code class NeuralNetwork(nn.Module)}, with a ReLU after the last layer as in this tutorial. */
    static final class NeuralNetwork extends Module {
        private final Flatten flatten;
        private final Sequential linearReluStack;

        NeuralNetwork(NDManager m) {
            flatten = registerModule("flatten", new Flatten());
            linearReluStack = registerModule("linear_relu_stack", new Sequential(
                    new Linear(m, 28 * 28, 512),
                    new ReLU(),
                    new Linear(m, 512, 512),
                    new ReLU(),
                    new Linear(m, 512, 10),
                    new ReLU()));
        }

        @Override
        public NDArray forward(NDArray x) {
            x = flatten.forward(x);
            NDArray logits = linearReluStack.forward(x);
            return logits;
        }
    }

    @Override
    public String name() {
        return "buildmodel";
    }

    @Override
    public String original() {
        return "beginner_source/basics/buildmodel_tutorial.py";
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            String device = "cpu";
            run.print(PyFormat.format("Using {} device", device));

            NeuralNetwork model = new NeuralNetwork(m);
            run.print(model);

            NDArray x = Torch.rand(m, 1, 28, 28);
            NDArray logits = model.forward(x);
            NDArray predProbab = new Softmax(1).forward(logits);
            NDArray yPred = predProbab.argMax(1);
            run.print(PyFormat.format("Predicted class: {}", yPred));

            NDArray inputImage = Torch.rand(m, 3, 28, 28);
            run.print(TensorAttributes.shape(inputImage));

            Flatten flatten = new Flatten();
            NDArray flatImage = flatten.forward(inputImage);
            run.print(TensorAttributes.shape(flatImage));

            Linear layer1 = new Linear(m, 28 * 28, 20);
            NDArray hidden1 = layer1.forward(flatImage);
            run.print(TensorAttributes.shape(hidden1));

            run.print(PyFormat.format("Before ReLU: {}\n\n", withGradFn(hidden1)));
            hidden1 = new ReLU().forward(hidden1);
            run.print(PyFormat.format("After ReLU: {}", withGradFn(hidden1)));

            Sequential seqModules = new Sequential(
                    flatten,
                    layer1,
                    new ReLU(),
                    new Linear(m, 20, 10));
            inputImage = Torch.rand(m, 3, 28, 28);
            logits = seqModules.forward(inputImage);

            Softmax softmax = new Softmax(1);
            predProbab = softmax.forward(logits);

            run.print("Model structure: ", model, "\n\n");

            String last = "";
            for (Map.Entry<String, NDArray> named : model.namedParameters().entrySet()) {
                NDArray param = named.getValue();
                last = PyFormat.format("Layer: {} | Size: {} | Values : {} \n", named.getKey(),
                        TensorAttributes.shape(param), withGradFn(param.get(":2")));
                run.print(last);
            }
            run.loaded(model.namedParameters());
            run.endsWith(last);
        }
    }

    /** {@code repr(t)} of a tensor computed in a graph: {@code tensor([...], grad_fn=<AddmmBackward0>)}. */
    static String withGradFn(NDArray t) {
        String gradFn = Torch.gradFnName(t);
        return gradFn.isEmpty() ? PyFormat.tensor(t) : PyFormat.tensor(t, "grad_fn=<" + gradFn + ">");
    }
}
