package dev.djlfit.bench;

import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.program.Trace;
import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.Programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Times a tutorial port's training loop against its reference program's, side by side: the
 * repeats alternate Java and PyTorch, so both see the same load. Each side's time is the loop
 * alone, as its trace reports it ({@code loop_seconds}: from the first step to the last, the
 * printing included, the setup and the process start not).
 */
public final class TutorialBench {

    /**
     * The JIT compiles DJL's and the kit's paths over the first ten thousand steps and more:
     * after 10000, polynomial-tensor measured 2.7 times PyTorch's time per step; after 30000, 1.1-1.3.
     */
    public static final int WARMUP_STEPS = 30_000;

    private final PyTorchReference reference;
    private final int repeats;

    /** @param reference the PyTorch side, or null to time the Java loops only */
    public TutorialBench(PyTorchReference reference, int repeats) {
        if (repeats <= 0) {
            throw new IllegalArgumentException("repeats must be positive");
        }
        this.reference = reference;
        this.repeats = repeats;
    }

    /** One port's timing: its Java loop's, and its reference's where that ran. */
    public record Row(String tutorial, BenchResult java, BenchResult pytorchOrNull) {

        /** Java time / PyTorch time for the same steps (lower is better); NaN without PyTorch. */
        public double ratio() {
            return pytorchOrNull == null ? Double.NaN : java.median() / pytorchOrNull.median();
        }
    }

    /**
     * Each port in turn, at {@link Program#steps(int) its steps} for {@code requestedSteps}.
     *
     * @param each told each row as it is measured (to print it)
     */
    public List<Row> run(List<Program> tutorials, int requestedSteps, Consumer<Row> each) {
        List<Row> rows = new ArrayList<>();
        for (Program tutorial : tutorials) {
            Row row = measure(tutorial, tutorial.steps(requestedSteps));
            each.accept(row);
            rows.add(row);
        }
        return rows;
    }

    /**
     * One untimed Java run of at least {@link #WARMUP_STEPS} first (the JIT's warm-up), then the
     * repeats.
     */
    public Row measure(Program tutorial, int steps) {
        Programs.run(tutorial, 0, Math.max(steps, WARMUP_STEPS), Optional.empty(), line -> { });
        double[] java = new double[repeats];
        double[] pytorch = new double[repeats];
        double pytorchPeak = -1;
        for (int r = 0; r < repeats; r++) {
            java[r] = Programs.run(tutorial, 0, steps, Optional.empty(), line -> { }).loopSeconds() * 1e6 / steps;
            if (reference != null) {
                try (PyTorchReference.ReferenceProcess run = reference.start(tutorial, 0, steps, DataSettings.DEBIAN_FASHION_MNIST);
                        ChildPeakMemory memory = ChildPeakMemory.watch(run.process())) {
                    pytorch[r] = loopSeconds(run.trace(), tutorial) * 1e6 / steps;
                    pytorchPeak = Math.max(pytorchPeak, memory.megabytes());
                }
            }
        }
        BenchResult javaResult = new BenchResult(tutorial.name(), "java", java, steps, ResidentMemory.peakMegabytes());
        return new Row(tutorial.name(), javaResult, reference == null ? null
                : new BenchResult(tutorial.name(), "pytorch", pytorch, steps, pytorchPeak));
    }

    private static double loopSeconds(Trace trace, Program tutorial) {
        if (!(trace.loopSeconds() > 0)) {
            throw new ReferenceUnavailableException("the PyTorch reference's trace of " + tutorial.name()
                    + " holds no loop_seconds");
        }
        return trace.loopSeconds();
    }
}
