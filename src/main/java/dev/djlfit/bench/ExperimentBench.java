package dev.djlfit.bench;

import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.Backward;
import dev.djlfit.article.TrainingSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Times each experiment's Java loops and, where it can run, the article's PyTorch code on the same experiment. */
public final class ExperimentBench {

    /**
     * One experiment's timings.
     *
     * @param experiment what was timed
     * @param java one result per Java loop, in the order asked
     * @param pytorchOrNull the PyTorch reference's, or null where it was not timed
     */
    public record Row(ExperimentSpec experiment, List<BenchResult> java, BenchResult pytorchOrNull) {
        public Row {
            java = List.copyOf(java);
        }

        /** Every result of the row, the reference last. */
        public List<BenchResult> all() {
            List<BenchResult> all = new ArrayList<>(java);
            if (pytorchOrNull != null) {
                all.add(pytorchOrNull);
            }
            return all;
        }
    }

    private final JavaLoopBench java;
    private final PyTorchBench pytorchOrNull;

    public ExperimentBench(JavaLoopBench java, PyTorchBench pytorchOrNull) {
        this.java = java;
        this.pytorchOrNull = pytorchOrNull;
    }

    /** @param each hears every row as soon as it is measured (the report prints it) */
    public List<Row> run(List<ExperimentSpec> experiments, TrainingSettings config, List<Backward> loops,
            Consumer<Row> each) {
        List<Row> rows = new ArrayList<>();
        for (ExperimentSpec experiment : experiments) {
            List<BenchResult> results = new ArrayList<>();
            for (Backward loop : loops) {
                results.add(java.measure(experiment, config, loop));
            }
            BenchResult reference = pytorchOrNull == null ? null : pytorchOrNull.measure(experiment, config);
            Row row = new Row(experiment, results, reference);
            each.accept(row);
            rows.add(row);
        }
        return rows;
    }
}
