package dev.djlfit.article.report;

import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.PointError;
import dev.djlfit.article.ExperimentResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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
                    probe(e, 2.5, PointError::prediction),
                    probe(e, 2.5, PointError::absoluteError),
                    probe(e, 10, PointError::prediction),
                    probe(e, 10, PointError::absoluteError),
                    e == null ? "-" : fixed(e.interpolationRmse()),
                    e == null ? "-" : fixed(e.extrapolationRmse()),
                    String.format(Locale.ROOT, "%.1f", r.wallSeconds()),
                    String.format(Locale.ROOT, "%.0f", r.training().stepsPerSecond()));
        }
    }

    /** A column at one of the article's probes; "-" where the run had no truth or no such probe. */
    private static String probe(ExtrapolationReport e, double x, ToDoubleFunction<PointError> value) {
        if (e == null) {
            return "-";
        }
        return e.probes().stream().filter(p -> p.x() == x).findFirst()
                .map(p -> fixed(value.applyAsDouble(p))).orElse("-");
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
