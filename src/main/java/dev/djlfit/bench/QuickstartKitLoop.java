package dev.djlfit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.StepScope;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.nn.CrossEntropyLoss;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.vision.datasets.FashionMNIST;

import java.util.Iterator;

/**
 * The quickstart's {@code train()} on the kit, the same steps as the port runs (a
 * {@link DataLoader} of batch 64 in order, model, {@link CrossEntropyLoss}, backward, SGD step,
 * zero_grad, a step scope per batch, the loss read every 100 batches), with each part timed
 * apart. An epoch runs in pieces ({@link #begin}, {@link #train} of a few batches at a time,
 * {@link #end}), so that a bench can interleave it with other loops under the same load. The bench gives it the
 * port's own model, {@link dev.djlfit.tutorials.Quickstart.NeuralNetwork}.
 */
public final class QuickstartKitLoop implements AutoCloseable {

    public static final int BATCH_SIZE = 64;
    public static final double LEARNING_RATE = 1e-3;

    private final Module model;
    private final DataLoader loader;
    private final CrossEntropyLoss lossFn = new CrossEntropyLoss();
    private final SGD optimizer;
    private int epochs;
    private Iterator<Batch> batches;
    private long data;
    private long forward;
    private long backward;
    private long update;
    private long elapsed;
    private int batch;

    public QuickstartKitLoop(Module model, FashionMNIST trainingData) {
        this.model = model;
        this.loader = new DataLoader(trainingData, BATCH_SIZE);
        this.optimizer = new SGD(model.parameters(), LEARNING_RATE);
    }

    /**
     * Starts an epoch: a new pass over the loader. DJL's engine starts with libtorch's grad mode
     * off (as {@code Tutorials.run} says) and DJL's {@code GradientCollector} turns it off again
     * when it closes, so each {@link #train} runs with grad enabled, as a Python program does.
     */
    public void begin() {
        model.train();
        batches = loader.iterator();
        data = 0;
        forward = 0;
        backward = 0;
        update = 0;
        elapsed = 0;
        batch = 0;
    }

    /** Trains the epoch's next batches, at most {@code count}; returns how many it trained. */
    public int train(int count) {
        int trained = 0;
        long start = System.nanoTime();
        try (GradMode enabled = Torch.enableGrad()) {
            while (trained < count) {
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
                trained++;
            }
        }
        elapsed += System.nanoTime() - start;
        return trained;
    }

    /** Ends the epoch: its time (the sum of its {@link #train} calls), parts and memory. */
    public EpochTiming end() {
        epochs++;
        return new EpochTiming("kit", epochs, batch, elapsed / 1e9,
                new EpochTiming.Parts(data / 1e9, forward / 1e9, backward / 1e9, update / 1e9),
                ResidentMemory.megabytes(), EpochTiming.heapMegabytesAfterGc());
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
