package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.StepScope;
import dev.djlfit.torch.TensorAttributes;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.nn.CrossEntropyLoss;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.nn.ReLU;
import dev.djlfit.torch.nn.Sequential;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

import java.util.List;

/**
 * basics/quickstart_tutorial.py: FashionMNIST, a 784→512→512→10 ReLU net, SGD on
 * CrossEntropyLoss, a test loop per epoch, then {@code model.pth} saved, loaded and asked for one
 * prediction. The data is read from the local folder ({@code --data}) where the original downloads it.
 */
public final class Quickstart implements Program {

    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** {@code class NeuralNetwork(nn.Module)}. */
    public static final class NeuralNetwork extends Module {
        private final Flatten flatten;
        private final Sequential linearReluStack;

        public NeuralNetwork(NDManager m) {
            flatten = registerModule("flatten", new Flatten());
            linearReluStack = registerModule("linear_relu_stack", new Sequential(
                    new Linear(m, 28 * 28, 512),
                    new ReLU(),
                    new Linear(m, 512, 512),
                    new ReLU(),
                    new Linear(m, 512, 10)));
        }

        @Override
        public NDArray forward(NDArray x) {
            NDArray flat = flatten.forward(x);
            NDArray logits = linearReluStack.forward(flat);
            return logits;
        }
    }

    @Override
    public String name() {
        return "quickstart";
    }

    @Override
    public String original() {
        return "beginner_source/basics/quickstart_tutorial.py";
    }

    @Override
    public int defaultSteps() {
        return 5;
    }

    @Override
    public boolean byEpoch() {
        return true;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            FashionMNIST trainingData = new FashionMNIST(run.data().data(), true, new ToTensor());
            FashionMNIST testData = new FashionMNIST(run.data().data(), false, new ToTensor());

            int batchSize = 64;

            DataLoader trainDataloader = new DataLoader(trainingData, batchSize);
            DataLoader testDataloader = new DataLoader(testData, batchSize);

            for (Batch b : testDataloader) {
                run.print("Shape of X [N, C, H, W]: " + TensorAttributes.shape(b.x()));
                run.print("Shape of y: " + TensorAttributes.shape(b.y()) + " " + TensorAttributes.dtype(b.y()));
                break;
            }

            String device = "cpu";
            run.print(PyFormat.format("Using {} device", device));

            NeuralNetwork model = new NeuralNetwork(m);
            run.print(model);

            CrossEntropyLoss lossFn = new CrossEntropyLoss();
            try (SGD optimizer = new SGD(model.parameters(), 1e-3)) {
                run.started(model.namedParameters());
                int epochs = run.epochs();
                for (int t = 0; t < epochs; t++) {
                    run.print(PyFormat.format("Epoch {}\n-------------------------------", t + 1));
                    train(run, t, trainDataloader, model, lossFn, optimizer);
                    test(run, t + 1, testDataloader, model, lossFn);
                }
                run.print("Done!");
                run.trained(model.namedParameters(), epochs, epochs * trainDataloader.size());
            }

            Torch.save(model.stateDict(), run.data().file("model.pth"));
            run.print("Saved PyTorch Model State to model.pth");

            model = new NeuralNetwork(m);
            model.loadStateDict(Torch.load(run.data().file("model.pth")));

            model.eval();
            Sample sample = testData.get(0);
            NDArray x = sample.x();
            int y = testData.label(0);
            try (GradMode noGrad = Torch.noGrad()) {
                NDArray pred = model.forward(x);
                String predicted = CLASSES.get((int) pred.get(0).argMax(0).getLong());
                String actual = CLASSES.get(y);
                run.last(PyFormat.format("Predicted: \"{}\", Actual: \"{}\"", predicted, actual));
            }
        }
    }

    /** {@code def train(dataloader, model, loss_fn, optimizer)}; {@code epoch} counts from 0, for the trace's batch numbers. */
    static void train(Harness run, int epoch, DataLoader dataloader, Module model, CrossEntropyLoss lossFn,
            SGD optimizer) {
        int size = dataloader.dataset().size();
        model.train();
        int batch = 0;
        for (Batch b : dataloader) {
            try (StepScope step = Torch.stepScope()) {
                NDArray pred = model.forward(b.x());
                NDArray loss = lossFn.forward(pred, b.y());

                Torch.backward(loss);
                optimizer.step();
                optimizer.zeroGrad();

                if (batch % 100 == 0) {
                    double lossValue = Torch.item(loss);
                    long current = (batch + 1) * b.size();
                    run.printLoss(epoch * dataloader.size() + batch, lossValue,
                            PyFormat.format("loss: {:>7f}  [{:>5d}/{:>5d}]", lossValue, current, size));
                }
            }
            batch++;
        }
    }

    /** {@code def test(dataloader, model, loss_fn)}. */
    static String test(Harness run, int epoch, DataLoader dataloader, Module model, CrossEntropyLoss lossFn) {
        int size = dataloader.dataset().size();
        int numBatches = dataloader.size();
        model.eval();
        double testLoss = 0;
        double correct = 0;
        try (GradMode noGrad = Torch.noGrad()) {
            for (Batch b : dataloader) {
                try (StepScope step = Torch.stepScope()) {
                    NDArray pred = model.forward(b.x());
                    testLoss += Torch.item(lossFn.forward(pred, b.y()));
                    correct += Torch.item(pred.argMax(1).eq(b.y()).toType(DataType.FLOAT32, false).sum());
                }
            }
        }
        testLoss /= numBatches;
        correct /= size;
        String line = PyFormat.format("Test Error: \n Accuracy: {:>0.1f}%, Avg loss: {:>8f} \n", 100 * correct, testLoss);
        run.tested(epoch, correct, testLoss, line);
        return line;
    }
}
