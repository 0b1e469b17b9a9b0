package dev.djlfit.report;

import dev.djlfit.sweep.ConfigurationResult;
import dev.djlfit.sweep.Distribution;
import dev.djlfit.sweep.SeedOutcome;
import dev.djlfit.sweep.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep as a table, three ways: aligned text for the terminal, Markdown, and CSV (one row per
 * configuration, and one per net). Same numbers in all three.
 */
public final class SweepTable {

    private static final String[] HEADER = {
        "configuration", "fit", "y(2.5) median", "y(2.5) p5..p95", "y(2.5) min..max",
        "y(10) median", "y(10) p5..p95", "y(10) min..max", "extrap RMSE median", "extrap RMSE p5..p95",
        "train s", "net-steps/s"
    };

    private final SweepResult sweep;

    public SweepTable(SweepResult sweep) {
        this.sweep = sweep;
    }

    /** What was swept and what "fit" means: the lines above the table. */
    public List<String> preamble() {
        List<String> lines = new ArrayList<>();
        double[] truth = sweep.truthAtProbes();
        String truthText = sweep.data().truth()
                .map(t -> String.format(Locale.ROOT, "truth y = %s, so y(2.5) = %s and y(10) = %s",
                        t.formula(), num(truth[0]), num(truth[1])))
                .orElse("truth unknown");
        int seeds = sweep.configurations().isEmpty() ? 0 : sweep.configurations().get(0).seeds().size();
        lines.add(String.format(Locale.ROOT, "sweep on the %s data (%s)", sweep.data().name(), truthText));
        lines.add(String.format(Locale.ROOT,
                "%d seeds per configuration (%d..%d), %d steps of SGD at lr %s; a net fits when its final loss < %s;"
                        + " statistics over the nets that fit",
                seeds, sweep.config().seed(), sweep.config().seed() + seeds - 1, sweep.config().steps(),
                Float.toString(sweep.config().learningRate()), num(sweep.fitThreshold())));
        return lines;
    }

    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (ConfigurationResult c : sweep.configurations()) {
            Distribution a = c.probe(0);
            Distribution b = c.probe(1);
            Distribution r = c.extrapolationRmse();
            rows.add(new String[] {
                c.configuration().name(),
                c.fitted().size() + "/" + c.seeds().size(),
                fixed(a.median()), range(a.p5(), a.p95()), range(a.min(), a.max()),
                fixed(b.median()), range(b.p5(), b.p95()), range(b.min(), b.max()),
                fixed(r.median()), range(r.p5(), r.p95()),
                String.format(Locale.ROOT, "%.1f", c.trainNanos() / 1e9),
                String.format(Locale.ROOT, "%.0f", c.netStepsPerSecond())
            });
        }
        return rows;
    }

    public String text() {
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows());
        int[] widths = new int[HEADER.length];
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : preamble()) {
            out.append(line).append('\n');
        }
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i]) : leftPad(row[i], widths[i]);
                out.append(cell).append(i + 1 < row.length ? "  " : "\n");
            }
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (String line : preamble()) {
            out.append(line).append("\n\n");
        }
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---|").append("---:|".repeat(HEADER.length - 1)).append('\n');
        for (String[] row : rows()) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** One row per configuration, every statistic in its own column. */
    public String csv() {
        StringBuilder out = new StringBuilder(
                "data,activation,hidden,depth,seeds,fitted,steps,lr,fit_threshold");
        for (String stat : new String[] {"y2.5", "y10", "extrapolation_rmse"}) {
            for (String part : new String[] {"median", "p5", "p95", "min", "max"}) {
                out.append(',').append(stat).append('_').append(part);
            }
        }
        out.append(",train_seconds,net_steps_per_second\n");
        for (ConfigurationResult c : sweep.configurations()) {
            out.append(String.join(",", sweep.data().name(), c.configuration().activation().id(),
                    Integer.toString(c.configuration().hidden()), Integer.toString(c.configuration().depth()),
                    Integer.toString(c.seeds().size()), Integer.toString(c.fitted().size()),
                    Integer.toString(sweep.config().steps()), Float.toString(sweep.config().learningRate()),
                    Double.toString(sweep.fitThreshold())));
            for (Distribution d : List.of(c.probe(0), c.probe(1), c.extrapolationRmse())) {
                for (double v : new double[] {d.median(), d.p5(), d.p95(), d.min(), d.max()}) {
                    out.append(',').append(csvNumber(v));
                }
            }
            out.append(',').append(csvNumber(c.trainNanos() / 1e9))
                    .append(',').append(csvNumber(c.netStepsPerSecond())).append('\n');
        }
        return out.toString();
    }

    /** One row per net: its seed, loss, whether it fit, its predictions and RMSEs. */
    public String seedsCsv() {
        StringBuilder out = new StringBuilder(
                "activation,hidden,depth,seed,final_loss,fitted,y2.5,y10,interpolation_rmse,extrapolation_rmse\n");
        for (ConfigurationResult c : sweep.configurations()) {
            for (SeedOutcome s : c.seeds()) {
                out.append(String.join(",", c.configuration().activation().id(),
                        Integer.toString(c.configuration().hidden()), Integer.toString(c.configuration().depth()),
                        Integer.toString(s.seed()), csvNumber(s.finalLoss()), Boolean.toString(s.fitted()),
                        csvNumber(s.probes()[0]), csvNumber(s.probes()[1]),
                        csvNumber(s.interpolationRmse()), csvNumber(s.extrapolationRmse()))).append('\n');
            }
        }
        return out.toString();
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String range(double from, double to) {
        return Double.isNaN(from) ? "-" : fixed(from) + ".." + fixed(to);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.0e", v) : Double.toString(v);
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String leftPad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
