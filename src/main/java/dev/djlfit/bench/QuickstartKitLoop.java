package dev.djlfit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.StepScope;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.nn.CrossEntropyLoss;
import dev.djlfit.torch.nn.Flatten;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.nn.ReLU;
import dev.djlfit.torch.nn.Sequential;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.vision.datasets.FashionMNIST;

import java.util.Iterator;

/**
 * The quickstart's {@code train()} on the kit, the same steps as the port runs (a
 * {@link DataLoader} of batch 64 in order, model, {@link CrossEntropyLoss}, backward, SGD step,
 * zero_grad, a step scope per batch, the loss read every 100 batches), with each part timed
 * apart. The model is the quickstart's {@code NeuralNetwork} (Flatten, then 784→512→ReLU→512→ReLU→10),
 * built here from kit modules; {@link #QuickstartKitLoop(Module, FashionMNIST)} takes any other.
 */
public final class QuickstartKitLoop implements AutoCloseable {

    public static final int BATCH_SIZE = 64;
    public static final double LEARNING_RATE = 1e-3;

    private final Module model;
    private final DataLoader loader;
    private final CrossEntropyLoss lossFn = new CrossEntropyLoss();
    private final SGD optimizer;
    private int epochs;

    public QuickstartKitLoop(Module model, FashionMNIST trainingData) {
        this.model = model;
        this.loader = new DataLoader(trainingData, BATCH_SIZE);
        this.optimizer = new SGD(model.parameters(), LEARNING_RATE);
    }

    /** The quickstart's {@code NeuralNetwork()}: Flatten, then Linear-ReLU-Linear-ReLU-Linear. */
    public static Module neuralNetwork(NDManager manager) {
        return new Sequential(new Flatten(), new Sequential(
                new Linear(manager, 28 * 28, 512), new ReLU(),
                new Linear(manager, 512, 512), new ReLU(),
                new Linear(manager, 512, 10)));
    }

    /**
     * One epoch, or its first {@code batchLimit} batches (0: all), with grad enabled: DJL's
     * {@code GradientCollector} turns libtorch's grad mode off when it closes, so after an epoch
     * of DJL's Trainer in the same thread the mode is not PyTorch's default.
     */
    public EpochTiming epoch(int batchLimit) {
        try (GradMode enabled = Torch.enableGrad()) {
            return timedEpoch(batchLimit);
        }
    }

    private EpochTiming timedEpoch(int batchLimit) {
        model.train();
        long data = 0;
        long forward = 0;
        long backward = 0;
        long update = 0;
        int batch = 0;
        long start = System.nanoTime();
        Iterator<Batch> batches = loader.iterator();
        while (batchLimit <= 0 || batch < batchLimit) {
            long a = System.nanoTime();
            if (!batches.hasNext()) {
                break;
            }
            Batch b = batches.next();
            long bTime = System.nanoTime();
            try (StepScope step = Torch.stepScope()) {
                NDArray pred = model.forward(b.x());
                NDArray loss = lossFn.forward(pred, b.y());
                long c = System.nanoTime();
                Torch.backward(loss);
                long d = System.nanoTime();
                optimizer.step();
                optimizer.zeroGrad();
                if (batch % 100 == 0) {
                    Torch.item(loss);
                }
                long e = System.nanoTime();
                data += bTime - a;
                forward += c - bTime;
                backward += d - c;
                update += e - d;
            }
            batch++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        epochs++;
        return new EpochTiming("kit", epochs, batch, seconds,
                new EpochTiming.Parts(data / 1e9, forward / 1e9, backward / 1e9, update / 1e9),
                ResidentMemory.megabytes(), EpochTiming.heapMegabytesAfterGc());
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
