package dev.djlfit.sweep;

import dev.djlfit.extrapolation.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep as a table, three ways: aligned text for the terminal, Markdown, and CSV (one row per
 * configuration, and one per net). The text keeps to about 100 columns: per probe the median and
 * the 5th..95th percentile over the nets that fit, the median RMSE over each range, and the
 * speed; the Markdown and the CSV add the min..max and the training time.
 */
public final class SweepTable {

    private final SweepResult sweep;
    private final float[] probes;
    private final boolean truthKnown;

    public SweepTable(SweepResult sweep) {
        this.sweep = sweep;
        this.probes = sweep.probes();
        this.truthKnown = sweep.data().truth().isPresent();
    }

    /** What was swept and what "fit" means: the lines above the table. */
    public List<String> preamble() {
        List<String> lines = new ArrayList<>();
        double[] truth = sweep.truthAtProbes();
        String truthText = sweep.data().truth()
                .map(t -> {
                    List<String> at = new ArrayList<>();
                    for (int i = 0; i < probes.length; i++) {
                        at.add(probeName(i) + " = " + significant(truth[i]));
                    }
                    return "truth y = " + t.formula() + ", so " + String.join(", ", at);
                })
                .orElse("truth unknown, so no RMSE");
        int seeds = sweep.configurations().isEmpty() ? 0 : sweep.configurations().get(0).seeds().size();
        lines.add(String.format(Locale.ROOT, "sweep on the %s data (%s)", sweep.data().name(), truthText));
        lines.add(String.format(Locale.ROOT,
                "%d seeds per configuration (%d..%d), %d steps of %s at lr %s; fit: final loss < %s",
                seeds, sweep.config().seed(), sweep.config().seed() + seeds - 1, sweep.config().steps(),
                sweep.config().optimizer().title(), Float.toString(sweep.config().learningRate()),
                num(sweep.fitThreshold())));
        lines.add(truthKnown
                ? "over the nets that fit: y(x) as median (5th..95th percentile), RMSE as median"
                : "over the nets that fit: y(x) as median (5th..95th percentile)");
        if (truthKnown) {
            lines.add("RMSE against the truth over "
                    + sweep.extrapolation().interpolation().describe() + " (interpolation) and "
                    + sweep.extrapolation().extrapolation().describe() + " (extrapolation)");
        }
        return lines;
    }

    /** {@code y(2.5)}: how the tables name probe {@code i}. */
    private String probeName(int i) {
        return "y(" + num(probes[i]) + ")";
    }

    private String interpolationName() {
        return "RMSE " + span(sweep.extrapolation().interpolation());
    }

    private String extrapolationName() {
        return "RMSE " + span(sweep.extrapolation().extrapolation());
    }

    private static String span(Range range) {
        return num(range.from()) + ".." + num(range.to());
    }

    /** The text table's columns. */
    private String[] shortHeader() {
        List<String> header = new ArrayList<>(List.of("configuration", "fit"));
        for (int i = 0; i < probes.length; i++) {
            header.add(probeName(i));
        }
        if (truthKnown) {
            header.add(interpolationName());
            header.add(extrapolationName());
        }
        header.add("net-steps/s");
        return header.toArray(String[]::new);
    }

    public List<String[]> shortRows() {
        List<String[]> rows = new ArrayList<>();
        for (ConfigurationResult c : sweep.configurations()) {
            List<String> row = new ArrayList<>(List.of(c.configuration().name(), c.fitted().size() + "/" + c.seeds().size()));
            for (int i = 0; i < probes.length; i++) {
                Distribution d = c.probe(i);
                row.add(Double.isNaN(d.median()) ? "-" : compact(d.median()) + " (" + compact(d.p5()) + ".." + compact(d.p95()) + ")");
            }
            if (truthKnown) {
                row.add(compact(c.interpolationRmse().median()));
                row.add(compact(c.extrapolationRmse().median()));
            }
            row.add(String.format(Locale.ROOT, "%.0f", c.netStepsPerSecond()));
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    /** The Markdown table's columns: every statistic. */
    private String[] fullHeader() {
        List<String> header = new ArrayList<>(List.of("configuration", "fit"));
        for (int i = 0; i < probes.length; i++) {
            header.addAll(List.of(probeName(i) + " median", probeName(i) + " p5..p95", probeName(i) + " min..max"));
        }
        if (truthKnown) {
            header.addAll(List.of(interpolationName() + " median", extrapolationName() + " median",
                    extrapolationName() + " p5..p95"));
        }
        header.addAll(List.of("train s", "net-steps/s"));
        return header.toArray(String[]::new);
    }

    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (ConfigurationResult c : sweep.configurations()) {
            List<String> row = new ArrayList<>(List.of(c.configuration().name(), c.fitted().size() + "/" + c.seeds().size()));
            for (int i = 0; i < probes.length; i++) {
                Distribution d = c.probe(i);
                row.addAll(List.of(fixed(d.median()), range(d.p5(), d.p95()), range(d.min(), d.max())));
            }
            if (truthKnown) {
                Distribution r = c.extrapolationRmse();
                row.addAll(List.of(fixed(c.interpolationRmse().median()), fixed(r.median()), range(r.p5(), r.p95())));
            }
            row.add(String.format(Locale.ROOT, "%.1f", c.trainNanos() / 1e9));
            row.add(String.format(Locale.ROOT, "%.0f", c.netStepsPerSecond()));
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    public String text() {
        String[] header = shortHeader();
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(shortRows());
        int[] widths = new int[header.length];
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

    /** The files the tables are written to, named before the sweep runs so the folder is checked first. */
    public static List<String> fileNames(String base) {
        return List.of(base + ".csv", base + ".md", base + "-seeds.csv");
    }

    /** Each table's text under its name from {@link #fileNames}, in that order. */
    public Map<String, String> files(String base) {
        List<String> names = fileNames(base);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(names.get(0), csv());
        files.put(names.get(1), markdown());
        files.put(names.get(2), seedsCsv());
        return files;
    }

    public String markdown() {
        String[] header = fullHeader();
        StringBuilder out = new StringBuilder();
        for (String line : preamble()) {
            out.append(line).append("\n\n");
        }
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|---|").append("---:|".repeat(header.length - 1)).append('\n');
        for (String[] row : rows()) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** One row per configuration, every statistic in its own column. */
    public String csv() {
        StringBuilder out = new StringBuilder(
                "data,activation,hidden,depth,seeds,fitted,steps,lr,fit_threshold");
        List<String> stats = new ArrayList<>();
        for (float p : probes) {
            stats.add("y" + num(p));
        }
        stats.add("interpolation_rmse");
        stats.add("extrapolation_rmse");
        for (String stat : stats) {
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
            List<Distribution> distributions = new ArrayList<>();
            for (int i = 0; i < probes.length; i++) {
                distributions.add(c.probe(i));
            }
            distributions.add(c.interpolationRmse());
            distributions.add(c.extrapolationRmse());
            for (Distribution d : distributions) {
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
        StringBuilder out = new StringBuilder("activation,hidden,depth,seed,final_loss,fitted");
        for (float p : probes) {
            out.append(",y").append(num(p));
        }
        out.append(",interpolation_rmse,extrapolation_rmse\n");
        for (ConfigurationResult c : sweep.configurations()) {
            for (SeedOutcome s : c.seeds()) {
                out.append(String.join(",", c.configuration().activation().id(),
                        Integer.toString(c.configuration().hidden()), Integer.toString(c.configuration().depth()),
                        Integer.toString(s.seed()), csvNumber(s.finalLoss()), Boolean.toString(s.fitted())));
                for (double y : s.probes()) {
                    out.append(',').append(csvNumber(y));
                }
                out.append(',').append(csvNumber(s.interpolationRmse()))
                        .append(',').append(csvNumber(s.extrapolationRmse())).append('\n');
            }
        }
        return out.toString();
    }

    /** About three significant digits (whole numbers from 100, exponents from a million and below 0.001). */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        String format = a >= 1e6 ? "%.2e" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1e-3 || a == 0 ? "%.2f" : "%.1e";
        return String.format(Locale.ROOT, format, v);
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String range(double from, double to) {
        return Double.isNaN(from) ? "-" : fixed(from) + ".." + fixed(to);
    }

    /** Four significant digits, trailing zeros dropped: 24.75, 321, 0.5985 (the fan plot labels its probes so too). */
    public static String significant(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
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
