package dev.djlfit.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code bench --tutorial quickstart}: the quickstart's training epoch on the kit, the same model
 * and data under DJL's own Trainer, and the floor of the epoch's matrix products, side by side in
 * one run (the epochs alternate kit and DJL, and the floor is measured after each pair, so all
 * three see the same load); then the PyTorch reference's epoch, where it can run.
 */
public final class QuickstartBench {

    /** The quickstart's layer widths, input first. */
    static final long[] WIDTHS = {28 * 28, 512, 512, 10};

    /**
     * @param data the FashionMNIST folder
     * @param epochs epochs per Java side
     * @param batchLimit batches per epoch, 0 for all
     * @param matmulRepeats products per floor measurement, for each of the step's products
     * @param pytorchOrNull the reference, or null to leave PyTorch out
     * @param pytorchBatches batches of the PyTorch run, 0 for the whole epoch
     */
    public record Settings(Path data, int epochs, int batchLimit, int matmulRepeats, PyTorchReference pytorchOrNull,
            int pytorchBatches) {}

    /** The run's figures; {@code pytorchOrNull} null where PyTorch was not asked for or failed ({@code pytorchWhyNot}). */
    public record Outcome(int trainingItems, int batchesPerEpoch, int threads, double loadAverage, int cores,
            List<EpochTiming> kit, List<EpochTiming> djl, List<MatmulFloor.Measured> floors,
            QuickstartPyTorch.Run pytorchOrNull, String pytorchWhyNot) {

        public double kitSeconds() {
            return median(kit.stream().mapToDouble(EpochTiming::seconds).toArray());
        }

        public double djlSeconds() {
            return median(djl.stream().mapToDouble(EpochTiming::seconds).toArray());
        }

        /** The median floor measurement's time per batch, scaled to the epoch's samples. */
        public MatmulFloor.Measured floor() {
            List<MatmulFloor.Measured> sorted = new ArrayList<>(floors);
            sorted.sort((a, b) -> Double.compare(a.secondsPerBatch(), b.secondsPerBatch()));
            return sorted.get(sorted.size() / 2);
        }

        /** Samples trained per epoch (the last batch may be short). */
        public long samplesPerEpoch() {
            return Math.min(trainingItems, (long) batchesPerEpoch * QuickstartKitLoop.BATCH_SIZE);
        }

        public double floorSeconds() {
            return floor().epochSeconds(samplesPerEpoch());
        }
    }

    private QuickstartBench() {}

    /** @param each told each epoch's timing as it is measured (to print it) */
    public static Outcome run(Settings s, Consumer<EpochTiming> each) {
        FashionMNIST training = new FashionMNIST(s.data(), true, new ToTensor());
        Torch.manualSeed(0);
        int items = training.size();
        int epochBatches = (items + QuickstartKitLoop.BATCH_SIZE - 1) / QuickstartKitLoop.BATCH_SIZE;
        int batches = s.batchLimit() > 0 ? Math.min(s.batchLimit(), epochBatches) : epochBatches;
        List<EpochTiming> kit = new ArrayList<>();
        List<EpochTiming> djl = new ArrayList<>();
        List<MatmulFloor.Measured> floors = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] all = new int[items];
            Arrays.setAll(all, i -> i);
            Batch whole = training.getBatch(all, manager);
            try (QuickstartKitLoop kitLoop = new QuickstartKitLoop(QuickstartKitLoop.neuralNetwork(manager), training);
                    QuickstartDjlTrainer trainer = new QuickstartDjlTrainer(whole.x(), whole.y(), s.batchLimit())) {
                for (int e = 0; e < s.epochs(); e++) {
                    EpochTiming k = kitLoop.epoch(s.batchLimit());
                    kit.add(k);
                    each.accept(k);
                    EpochTiming d = trainer.epoch();
                    djl.add(d);
                    each.accept(d);
                    floors.add(MatmulFloor.measure(QuickstartKitLoop.BATCH_SIZE, WIDTHS, s.matmulRepeats()));
                }
            }
        }
        QuickstartPyTorch.Run pytorch = null;
        String whyNot = "";
        if (s.pytorchOrNull() != null) {
            try {
                pytorch = QuickstartPyTorch.run(s.pytorchOrNull(), s.data(), s.pytorchBatches());
            } catch (ReferenceUnavailableException e) {
                whyNot = e.getMessage();
            }
        }
        return new Outcome(items, batches, JniUtils.getNumThreads(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), kit, djl, floors, pytorch, whyNot);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
