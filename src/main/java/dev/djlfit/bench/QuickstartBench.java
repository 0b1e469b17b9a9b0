package dev.djlfit.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.tutorials.Quickstart;
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
 * one run. The three take turns every {@link #PIECE} batches (kit, DJL, then the floor's products
 * for as many steps), so on a shared machine all three see the same load; each side's epoch time
 * is the sum of its pieces. Then the PyTorch reference's epoch, where it can run.
 */
public final class QuickstartBench {

    /** The quickstart's layer widths, input first. */
    static final long[] WIDTHS = {28 * 28, 512, 512, 10};

    /** Batches each side trains before the next takes its turn. */
    public static final int PIECE = 25;

    /**
     * @param data the FashionMNIST folder
     * @param epochs epochs per Java side
     * @param batchLimit batches per epoch, 0 for all
     * @param matmulRepeats repetitions of each product for the per-product rates (MATMUL lines)
     * @param pytorchOrNull the reference, or null to leave PyTorch out
     * @param pytorchBatches batches of the PyTorch run, 0 for the whole epoch
     */
    public record Settings(Path data, int epochs, int batchLimit, int matmulRepeats, PyTorchReference pytorchOrNull,
            int pytorchBatches) {}

    /**
     * The run's figures.
     *
     * @param floorEpochs each epoch's floor, in seconds: the step's products run once per batch trained, in
     *     turn with the two loops, scaled to the epoch's samples (its last batch may be short)
     * @param products each product's own rate, timed alone before the epochs
     * @param pytorchOrNull null where PyTorch was not asked for or failed ({@code pytorchWhyNot})
     */
    public record Outcome(int trainingItems, int batchesPerEpoch, int threads, double loadAverage, int cores,
            List<EpochTiming> kit, List<EpochTiming> djl, List<Double> floorEpochs, double floorFlopsPerEpoch,
            MatmulFloor.Measured products, QuickstartPyTorch.Run pytorchOrNull, String pytorchWhyNot) {

        public double kitSeconds() {
            return median(kit.stream().mapToDouble(EpochTiming::seconds).toArray());
        }

        public double djlSeconds() {
            return median(djl.stream().mapToDouble(EpochTiming::seconds).toArray());
        }

        public double floorSeconds() {
            return median(floorEpochs.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** The rate the floor's products reached, over the epochs. */
        public double floorGflopsPerSecond() {
            return floorFlopsPerEpoch / floorSeconds() / 1e9;
        }

        /** The median over epochs of the kit's epoch time over DJL's, the same epoch. */
        public double kitOverDjl() {
            return medianRatio(kit, e -> djl.get(e).seconds());
        }

        public double kitOverFloor() {
            return medianRatio(kit, floorEpochs::get);
        }

        public double djlOverFloor() {
            return medianRatio(djl, floorEpochs::get);
        }

        private static double medianRatio(List<EpochTiming> epochs, java.util.function.IntToDoubleFunction other) {
            double[] ratios = new double[epochs.size()];
            Arrays.setAll(ratios, e -> epochs.get(e).seconds() / other.applyAsDouble(e));
            return median(ratios);
        }
    }

    private QuickstartBench() {}

    /** @param each told each epoch's timing as it is measured (to print it) */
    public static Outcome run(Settings s, Consumer<EpochTiming> each) {
        FashionMNIST training = new FashionMNIST(s.data(), true, new ToTensor());
        Torch.manualSeed(0);
        int items = training.size();
        int batchSize = QuickstartKitLoop.BATCH_SIZE;
        int epochBatches = (items + batchSize - 1) / batchSize;
        int batches = s.batchLimit() > 0 ? Math.min(s.batchLimit(), epochBatches) : epochBatches;
        long samples = Math.min(items, (long) batches * batchSize);
        MatmulFloor.Measured products = MatmulFloor.measure(batchSize, WIDTHS, s.matmulRepeats());
        List<EpochTiming> kit = new ArrayList<>();
        List<EpochTiming> djl = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        double floorFlops;
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] all = new int[items];
            Arrays.setAll(all, i -> i);
            Batch whole = training.getBatch(all, manager);
            try (QuickstartKitLoop kitLoop = new QuickstartKitLoop(new Quickstart.NeuralNetwork(manager), training);
                    QuickstartDjlTrainer trainer = new QuickstartDjlTrainer(whole.x(), whole.y(), s.batchLimit());
                    MatmulFloor.Step floor = new MatmulFloor.Step(batchSize, WIDTHS)) {
                floorFlops = floor.flops() * samples / batchSize;
                for (int e = 0; e < s.epochs(); e++) {
                    kitLoop.begin();
                    trainer.begin();
                    double floorSeconds = 0;
                    for (int done = 0; done < batches; done += PIECE) {
                        int piece = Math.min(PIECE, batches - done);
                        kitLoop.train(piece);
                        trainer.train(piece);
                        floorSeconds += floor.seconds(piece);
                    }
                    EpochTiming k = kitLoop.end();
                    EpochTiming d = trainer.end();
                    floors.add(floorSeconds * samples / ((double) batches * batchSize));
                    kit.add(k);
                    djl.add(d);
                    each.accept(k);
                    each.accept(d);
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
                Runtime.getRuntime().availableProcessors(), kit, djl, List.copyOf(floors), floorFlops, products,
                pytorch, whyNot);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
