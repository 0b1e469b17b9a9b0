package dev.djlfit.bench;


import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what {@code bench} measured: a BENCH line per loop, RATIO lines, and a closing table.
 * Every ratio is a time ratio, Java's time over PyTorch's (or the batch's over one net's) for the
 * same steps: lower is better; the output says so once, above the numbers.
 */
public final class BenchReport {

    public static final String RATIOS = "RATIO: Java time / PyTorch time for the same steps (lower is better)";
    public static final String MEMORY = "rss_mb: peak resident memory of the process that ran the loop"
            + " (this JVM so far; the Python child for PyTorch)";
    private static final String TIME_OVER_PYTORCH =
            "time/pytorch: Java time / PyTorch time for the same steps, lower is better";

    private final PrintWriter out;

    public BenchReport(PrintWriter out) {
        this.out = out;
    }

    /** {@code reference: WHAT on PyTorch V (python NOTE)}, or why it is not timed; nothing where none was asked for. */
    private void referenceLine(PyTorchAvailability pytorchOrNull, String what, String note) {
        if (pytorchOrNull != null) {
            out.println(pytorchOrNull.available()
                    ? "reference: " + what + " on PyTorch " + pytorchOrNull.torchVersion() + " ("
                            + pytorchOrNull.python() + note + ")"
                    : "reference: not timed: " + pytorchOrNull.whyNot());
        }
    }

    /** "median of 3 runs", "1 run". */
    public static String runs(int repeats) {
        return repeats == 1 ? "1 run" : "median of " + repeats + " runs";
    }

    /** The lines above the experiments' timings. */
    public void experimentsHeader(int steps, int warmup, int repeats, PyTorchAvailability pytorchOrNull) {
        out.printf(Locale.ROOT, "%d timed steps per run, %d warm-up steps, %s%n", steps, warmup, runs(repeats));
        referenceLine(pytorchOrNull, "the article's code", "");
        out.println(MEMORY);
        if (pytorchOrNull != null && pytorchOrNull.available()) {
            out.println(RATIOS);
        }
        out.flush();
    }

    /** One experiment's BENCH lines and its ratios to PyTorch. */
    public void row(ExperimentBench.Row row) {
        for (BenchResult r : row.all()) {
            out.println(r.line());
        }
        BenchResult reference = row.pytorchOrNull();
        if (reference != null) {
            for (BenchResult r : row.java()) {
                out.printf(Locale.ROOT, "RATIO %s %s/pytorch time=%.2f%n",
                        row.experiment().name(), r.variant(), r.median() / reference.median());
            }
        }
        out.flush();
    }

    /** {@code bench --process}: whole processes, per step with start-up taken out, and start-up alone. */
    public void process(ProcessBench.Row row) {
        ProcessBench.Timing reference = row.pytorchOrNull();
        for (ProcessBench.Timing t : reference == null ? List.of(row.java()) : List.of(row.java(), reference)) {
            out.printf(Locale.ROOT, "PROCESS %s %s us_per_step=%.1f (steps %d to %d) whole_s=%.2f (%d steps)%n",
                    row.experiment().name(), t.variant(), t.microsPerStep(), t.shortSteps(), t.longSteps(),
                    t.longSeconds(), t.longSteps());
            out.printf(Locale.ROOT, "STARTUP %s %s whole_s=%.2f (1 step)%n", row.experiment().name(), t.variant(),
                    t.startupSeconds());
        }
        if (reference != null) {
            out.printf(Locale.ROOT, "RATIO %s process java/pytorch per_step=%.2f whole=%.2f startup=%.2f%n",
                    row.experiment().name(), row.java().microsPerStep() / reference.microsPerStep(),
                    row.java().longSeconds() / reference.longSeconds(),
                    row.java().startupSeconds() / reference.startupSeconds());
        }
        out.flush();
    }

    public void walkthrough(WalkthroughBench.Timing t) {
        out.printf(Locale.ROOT, "WALKTHROUGH java wall_s=%.1f experiments=%d steps=%d threads=%d%n",
                t.javaSeconds(), t.experiments(), t.steps(), t.threads());
        if (!Double.isNaN(t.pytorchWallSeconds())) {
            out.printf(Locale.ROOT, "WALKTHROUGH pytorch wall_s=%.1f loops_s=%.1f (one after another)%n",
                    t.pytorchWallSeconds(), t.pytorchLoopSeconds());
            out.printf(Locale.ROOT, "RATIO walkthrough java/pytorch time=%.2f (against PyTorch's loops alone: %.2f)%n",
                    t.javaSeconds() / t.pytorchWallSeconds(), t.javaSeconds() / t.pytorchLoopSeconds());
        }
        out.flush();
    }

    public void memory(List<MemoryBench.Sample> samples) {
        for (MemoryBench.Sample s : samples) {
            out.println(s.probe().line(s.experiment()));
        }
        out.flush();
    }

    /** The closing table: every loop's time per step, steps per second, and its time over PyTorch's. */
    public void table(List<ExperimentBench.Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-18s %-10s %12s %10s %14s%n", "experiment", "loop", "µs/step", "steps/s",
                "time/pytorch");
        for (ExperimentBench.Row row : rows) {
            BenchResult reference = row.pytorchOrNull();
            for (BenchResult r : row.all()) {
                out.printf(Locale.ROOT, "%-18s %-10s %12.1f %10.0f %14s%n",
                        r.experiment(), r.variant(), r.median(), 1e6 / r.median(),
                        reference == null ? "-" : String.format(Locale.ROOT, "%.2f", r.median() / reference.median()));
            }
        }
        if (rows.stream().anyMatch(r -> r.pytorchOrNull() != null)) {
            out.println(TIME_OVER_PYTORCH);
        }
        out.flush();
    }

    /** {@code bench --batch}: its timings, ratios (all of time, lower is better) and table. */
    public void batch(BatchBench.Outcome o, PyTorchAvailability pytorchOrNull) {
        out.printf(Locale.ROOT, "%s: %d nets %s (seeds %d..%d), quadratic data, %d timed steps per run, %d warm-up"
                + " steps, %s, in-loop time (initialisation apart)%n", o.name(), o.nets(),
                o.configuration().architecture().describe(), o.firstSeed(), o.firstSeed() + o.nets() - 1, o.steps(),
                o.warmupSteps(), runs(o.repeats()));
        referenceLine(pytorchOrNull, "torch.bmm batch", "");
        out.println(MEMORY);
        out.println("RATIO: time over time for the same steps, lower is better: Java's batch over PyTorch's batch,"
                + " or one batch step of " + o.nets() + " nets over one net's step alone");
        List<BenchResult> tableRows = new ArrayList<>();
        for (BatchBench.LoopTiming t : o.loops()) {
            out.println(t.perBatchStep().line());
            out.println(t.perNetStep().line());
            out.printf(Locale.ROOT, "INIT %s %s init_s=%.2f (drawing %d initialisations, not in the loop time)%n",
                    o.name(), t.perBatchStep().variant(), t.initSeconds(), o.nets());
            out.println(t.alone().line());
            tableRows.add(t.perBatchStep());
            tableRows.add(t.alone());
        }
        BatchBench.ReferenceTiming reference = o.referenceOrNull();
        if (reference != null) {
            out.println(reference.perBatchStep().line());
            out.println(reference.perNetStep().line());
            out.printf(Locale.ROOT, "INIT %s pytorch-bmm init_s=%.2f%n", o.name(), reference.initSeconds());
            tableRows.add(reference.perBatchStep());
        }
        for (BatchBench.LoopTiming t : o.loops()) {
            if (reference != null) {
                out.printf(Locale.ROOT, "RATIO %s %s/pytorch-bmm time=%.2f%n", o.name(), t.perBatchStep().variant(),
                        t.perBatchStep().median() / reference.perBatchStep().median());
            }
            for (BatchBench.LoopTiming single : o.loops()) {
                out.printf(Locale.ROOT, "RATIO %s %s/%s time=%.2f%n", o.name(), t.perBatchStep().variant(),
                        single.alone().variant(), t.perBatchStep().median() / single.alone().median());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %-14s %14s %12s %18s%n", "batch", "loop", "µs/batch step", "net-steps/s",
                "time/pytorch-bmm");
        for (BenchResult r : tableRows) {
            boolean isBatch = !r.variant().startsWith("alone-");
            out.printf(Locale.ROOT, "%-28s %-14s %14s %12.0f %18s%n", r.experiment(), r.variant(),
                    isBatch ? String.format(Locale.ROOT, "%.1f", r.median()) : "-",
                    (isBatch ? o.nets() : 1) * 1e6 / r.median(),
                    reference == null || !isBatch ? "-"
                            : String.format(Locale.ROOT, "%.2f", r.median() / reference.perBatchStep().median()));
        }
        out.flush();
    }

    /** The lines above {@code bench --tutorial}'s timings. */
    public void tutorialsHeader(int repeats, PyTorchAvailability pytorchOrNull) {
        referenceLine(pytorchOrNull, "src/reference/pytorch/tutorials.py", ", one thread");
        out.printf(Locale.ROOT, "in-loop time per step, %s after a %d-step warm-up (Java and PyTorch alternating),"
                + " seed 0%n", runs(repeats), TutorialBench.WARMUP_STEPS);
        out.println(MEMORY);
        if (pytorchOrNull != null && pytorchOrNull.available()) {
            out.println(RATIOS);
        }
        out.flush();
    }

    /** One port's BENCH lines and its ratio to PyTorch. */
    public void tutorial(TutorialBench.Row row) {
        out.println(row.java().line());
        if (row.pytorchOrNull() != null) {
            out.println(row.pytorchOrNull().line());
            out.printf(Locale.ROOT, "RATIO %s java/pytorch time=%.2f%n", row.tutorial(), row.ratio());
        }
        out.flush();
    }

    /** The closing table of {@code bench --tutorial}: each port's time per step, PyTorch's, and their ratio. */
    public void tutorialTable(List<TutorialBench.Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-28s %8s %14s %16s %14s%n", "tutorial", "steps", "java µs/step", "pytorch µs/step",
                "time/pytorch");
        for (TutorialBench.Row r : rows) {
            boolean both = r.pytorchOrNull() != null;
            out.printf(Locale.ROOT, "%-28s %8d %14.1f %16s %14s%n", r.tutorial(), r.java().steps(), r.java().median(),
                    both ? String.format(Locale.ROOT, "%.1f", r.pytorchOrNull().median()) : "-",
                    both ? String.format(Locale.ROOT, "%.2f", r.ratio()) : "-");
        }
        if (rows.stream().anyMatch(r -> r.pytorchOrNull() != null)) {
            out.println(TIME_OVER_PYTORCH);
        }
        out.flush();
    }

    /** The lines above {@code bench --tutorial quickstart}'s epochs. */
    public void quickstartHeader(QuickstartBench.Settings s) {
        out.printf(Locale.ROOT, "quickstart: FashionMNIST from %s, batch 64, SGD lr 1e-3, %d epoch%s per side; the kit's"
                + " loop, DJL's Trainer and the floor's matrix products take turns every %d batches in this JVM%n",
                s.data(), s.epochs(), s.epochs() == 1 ? "" : "s", QuickstartBench.PIECE);
        out.println("EPOCH lines: seconds per epoch; the kit's parts: data (next batch), forward (model and loss),"
                + " backward, update (step, zero_grad, the loss read every 100 batches), other (step scope);"
                + " rss_mb: this JVM's resident memory after the epoch, heap_mb: Java heap in use after a collection");
        out.flush();
    }

    public void epoch(EpochTiming t) {
        out.println(t.line());
        out.flush();
    }

    /** The summary: the three side-by-side figures, PyTorch's, and their ratios (times: lower is faster). */
    public void quickstart(QuickstartBench.Outcome o, PyTorchAvailability pytorchOrNull) {
        for (MatmulFloor.Product p : o.products().products()) {
            out.println(p.line());
        }
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f, libtorch intra-op threads %d (the kit, DJL's"
                + " Trainer and the floor alike)%n", o.cores(), o.loadAverage(), o.threads());
        out.printf(Locale.ROOT, "QUICKSTART kit s_per_epoch=%.2f batches=%d (median of %d epochs)%n",
                o.kitSeconds(), o.batchesPerEpoch(), o.kit().size());
        out.printf(Locale.ROOT, "QUICKSTART djl-trainer s_per_epoch=%.2f batches=%d (median of %d epochs,"
                + " EasyTrain's loop over an ArrayDataset, shuffled)%n", o.djlSeconds(), o.batchesPerEpoch(),
                o.djl().size());
        out.printf(Locale.ROOT, "QUICKSTART floor s_per_epoch=%.2f gflop=%.1f gflop_s=%.1f (the epoch's forward and"
                + " backward matrix products alone, run in turn with the loops; median of %d epochs)%n",
                o.floorSeconds(), o.floorFlopsPerEpoch() / 1e9, o.floorGflopsPerSecond(), o.floorEpochs().size());
        QuickstartPyTorch.Run pytorch = o.pytorchOrNull();
        if (pytorch != null) {
            EpochTiming t = pytorch.timing();
            EpochTiming.Parts p = t.parts();
            out.printf(Locale.ROOT, "QUICKSTART pytorch s_per_epoch=%.2f %s (%s; data=%.2f forward=%.2f backward=%.2f"
                    + " update=%.2f s over %d batches, peak rss_mb=%.0f)%n", pytorch.epochSeconds(),
                    pytorch.whole() ? "measured" : "scaled from " + t.batches() + " of " + pytorch.epochBatches()
                            + " batches", pytorch.describe(), p.data(), p.forward(), p.backward(), p.update(),
                    t.batches(), t.rssMegabytes());
        } else if (!o.pytorchWhyNot().isEmpty()) {
            out.println("QUICKSTART pytorch not timed: " + o.pytorchWhyNot());
        } else if (pytorchOrNull != null && !pytorchOrNull.available()) {
            out.println("QUICKSTART pytorch not timed: " + pytorchOrNull.whyNot());
        }
        out.println("RATIO: time over time for the same epoch, lower is faster (median over epochs)");
        out.printf(Locale.ROOT, "RATIO quickstart kit/djl-trainer time=%.2f (aim: at most 1)%n", o.kitOverDjl());
        out.printf(Locale.ROOT, "RATIO quickstart kit/floor time=%.2f (aim: at most 2, half the floor's speed)%n",
                o.kitOverFloor());
        out.printf(Locale.ROOT, "RATIO quickstart djl-trainer/floor time=%.2f%n", o.djlOverFloor());
        if (pytorch != null) {
            out.printf(Locale.ROOT, "RATIO quickstart kit/pytorch time=%.2f (PyTorch's BLAS: %s)%n",
                    o.kitSeconds() / pytorch.epochSeconds(), pytorch.blas());
        }
        out.flush();
    }
}
