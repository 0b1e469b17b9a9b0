package dev.djlfit.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The quickstart's model and data trained the way a DJL user would write it, with DJL's own
 * {@link Trainer} and {@link EasyTrain}: a {@link SequentialBlock} of a batch flatten, DJL
 * {@link Linear} blocks and {@link Activation#reluBlock()}, {@link Loss#softmaxCrossEntropyLoss()},
 * {@link Optimizer#sgd()} at a fixed learning rate of 1e-3, an {@link ArrayDataset} over the same
 * training arrays, batch 64, shuffled. Runs in this JVM, so under the same libtorch thread setting
 * as the kit's loop. DJL's own initialiser draws the parameters: the values differ, the work does not.
 * An epoch is {@code EasyTrain.fit(trainer, 1, dataset, null)}'s loop, run in pieces
 * ({@link #begin}, {@link #train}, {@link #end}) so that a bench can interleave it with other loops.
 */
public final class QuickstartDjlTrainer implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;
    private final ArrayDataset dataset;
    private int epochs;
    private Iterator<Batch> batches;
    private long elapsed;
    private int trained;

    /**
     * @param images the training images, float32 (N, 1, 28, 28) as ToTensor gives them
     * @param labels their classes, (N)
     * @param batchLimit batches per epoch, or 0 for all
     */
    public QuickstartDjlTrainer(NDArray images, NDArray labels, int batchLimit) {
        SequentialBlock net = new SequentialBlock()
                .add(Blocks.batchFlattenBlock(28 * 28))
                .add(Linear.builder().setUnits(512).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(512).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
        model = Model.newInstance("quickstart", Device.cpu(), "PyTorch");
        model.setBlock(net);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(
                        (float) QuickstartKitLoop.LEARNING_RATE)).build())
                .optDevices(new Device[] {Device.cpu()});
        trainer = model.newTrainer(config);
        trainer.initialize(new Shape(QuickstartKitLoop.BATCH_SIZE, 1, 28, 28));
        ArrayDataset.Builder builder = new ArrayDataset.Builder()
                .setData(images)
                .optLabels(labels)
                .setSampling(QuickstartKitLoop.BATCH_SIZE, true);
        if (batchLimit > 0) {
            builder.optLimit((long) batchLimit * QuickstartKitLoop.BATCH_SIZE);
        }
        dataset = builder.build();
    }

    /** Starts an epoch: {@code trainer.iterateDataset(dataset)}, as {@code EasyTrain.fit} does. */
    public void begin() {
        try {
            batches = trainer.iterateDataset(dataset).iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
        elapsed = 0;
        trained = 0;
    }

    /**
     * The epoch's next batches, at most {@code count}, each as {@code EasyTrain.fit} trains it:
     * {@code EasyTrain.trainBatch}, {@code trainer.step()}, {@code batch.close()}.
     */
    public int train(int count) {
        long start = System.nanoTime();
        int done = 0;
        while (done < count && batches.hasNext()) {
            Batch batch = batches.next();
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            batch.close();
            done++;
        }
        elapsed += System.nanoTime() - start;
        trained += done;
        return done;
    }

    /** Ends the epoch as {@code EasyTrain.fit} does (the listeners' {@code onEpoch}): its time and memory. */
    public EpochTiming end() {
        long start = System.nanoTime();
        trainer.notifyListeners(listener -> listener.onEpoch(trainer));
        elapsed += System.nanoTime() - start;
        epochs++;
        return new EpochTiming("djl-trainer", epochs, trained, elapsed / 1e9, null, ResidentMemory.megabytes(),
                EpochTiming.heapMegabytesAfterGc());
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
