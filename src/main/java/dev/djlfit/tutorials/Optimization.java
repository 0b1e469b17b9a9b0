package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.StepScope;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.nn.CrossEntropyLoss;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

/**
 * basics/optimization_tutorial.py: the quickstart's model and data, trained by {@code train_loop}
 * and checked by {@code test_loop} for 10 epochs. Its {@code NeuralNetwork} is the quickstart's,
 * letter for letter, so the port uses {@link Quickstart.NeuralNetwork}.
 */
final class Optimization implements Program {

    @Override
    public String name() {
        return "optimization";
    }

    @Override
    public String original() {
        return "beginner_source/basics/optimization_tutorial.py";
    }

    @Override
    public int defaultSteps() {
        return 10;
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

            DataLoader trainDataloader = new DataLoader(trainingData, 64);
            DataLoader testDataloader = new DataLoader(testData, 64);

            Quickstart.NeuralNetwork model = new Quickstart.NeuralNetwork(m);

            double learningRate = 1e-3;
            int batchSize = 64;

            CrossEntropyLoss lossFn = new CrossEntropyLoss();
            try (SGD optimizer = new SGD(model.parameters(), learningRate)) {
                run.started(model.namedParameters());
                int epochs = run.epochs();
                for (int t = 0; t < epochs; t++) {
                    run.print(PyFormat.format("Epoch {}\n-------------------------------", t + 1));
                    trainLoop(run, t, trainDataloader, model, lossFn, optimizer, batchSize);
                    testLoop(run, t + 1, testDataloader, model, lossFn);
                }
                run.trained(model.namedParameters(), epochs, epochs * trainDataloader.size());
            }
            run.last("Done!");
        }
    }

    /** {@code def train_loop(dataloader, model, loss_fn, optimizer)}; {@code epoch} counts from 0, for the trace. */
    static void trainLoop(Harness run, int epoch, DataLoader dataloader, Module model, CrossEntropyLoss lossFn,
            SGD optimizer, int batchSize) {
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
                    long current = (long) batch * batchSize + b.size();
                    run.printLoss(epoch * dataloader.size() + batch, lossValue,
                            PyFormat.format("loss: {:>7f}  [{:>5d}/{:>5d}]", lossValue, current, size));
                }
            }
            batch++;
        }
    }

    /** {@code def test_loop(dataloader, model, loss_fn)}. */
    static void testLoop(Harness run, int epoch, DataLoader dataloader, Module model, CrossEntropyLoss lossFn) {
        model.eval();
        int size = dataloader.dataset().size();
        int numBatches = dataloader.size();
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
        run.tested(epoch, correct, testLoss, PyFormat.format(
                "Test Error: \n Accuracy: {:>0.1f}%, Avg loss: {:>8f} \n", 100 * correct, testLoss));
    }
}
