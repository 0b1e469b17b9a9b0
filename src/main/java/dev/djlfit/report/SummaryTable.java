package dev.djlfit.report;

import dev.djlfit.evaluation.ExtrapolationReport;
import dev.djlfit.experiment.ExperimentResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** One line per experiment: how well it fitted, how far off it is at 2.5 and 10, and how fast. */
public final class SummaryTable {

    private static final String ROW = "%-18s %12s %10s %10s %10s %10s %10s %10s %8s %9s%n";

    private final PrintWriter out;

    public SummaryTable(PrintWriter out) {
        this.out = out;
    }

    public void print(List<ExperimentResult> results) {
        out.printf(Locale.ROOT, ROW, "experiment", "final loss", "y(2.5)", "err(2.5)", "y(10)", "err(10)",
                "rmse 0-3", "rmse 3-10", "wall s", "steps/s");
        for (ExperimentResult r : results) {
            ExtrapolationReport e = r.extrapolation().orElse(null);
            out.printf(Locale.ROOT, ROW,
                    r.spec().name(),
                    String.format(Locale.ROOT, "%.3e", r.finalLoss()),
                    e == null ? "-" : fixed(e.probe(2.5).prediction()),
                    e == null ? "-" : fixed(e.probe(2.5).absoluteError()),
                    e == null ? "-" : fixed(e.probe(10).prediction()),
                    e == null ? "-" : fixed(e.probe(10).absoluteError()),
                    e == null ? "-" : fixed(e.interpolationRmse()),
                    e == null ? "-" : fixed(e.extrapolationRmse()),
                    String.format(Locale.ROOT, "%.1f", r.wallSeconds()),
                    String.format(Locale.ROOT, "%.0f", r.training().stepsPerSecond()));
        }
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
