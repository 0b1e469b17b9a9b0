package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.sweep.SweepTable;
import dev.djlfit.sweep.ConfigurationResult;
import dev.djlfit.sweep.SeedOutcome;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.sweep.SweepResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A configuration's "fan": every seed's learned curve over the sweep's curve range (−1 ≤ x ≤ 11
 * for the article), the nets that fit in blue (drawn translucent, so where many agree the colour
 * deepens) over those that did not in grey, with the true function, the training points and a
 * vertical line at each probe. How wide the fan opens beyond the data is how uncertain the
 * extrapolation is. The y axis spans what matters here: the training points, the truth and the
 * nets that fit, with a margin; nets that did not fit are cut at its edge.
 */
public final class FanPlot {

    static {
        Charts.ensureHeadless();
    }

    public static String fileName(SweepResult sweep, ConfigurationResult configuration) {
        return fileName(sweep.data().name(), configuration.configuration());
    }

    /** Known before the sweep, so that the output folder is checked before it trains. */
    public static String fileName(String dataName, SweepConfiguration configuration) {
        return "sweep-" + dataName + "-" + configuration.name() + "-fan.png";
    }

    public Path write(SweepResult sweep, ConfigurationResult configuration, OutputFolder folder) {
        return Charts.writePng(chart(sweep, configuration), folder, fileName(sweep, configuration));
    }

    public JFreeChart chart(SweepResult sweep, ConfigurationResult configuration) {
        float[] xs = sweep.curveX();
        XYSeriesCollection series = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setDrawSeriesLineAsPath(true); // one path per series, so the truth's dashes run on across points
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int index = 0;
        Color fittedPaint = new Color(Charts.LEARNED.getRed(), Charts.LEARNED.getGreen(), Charts.LEARNED.getBlue(), 140);
        // not-fitted first, so the fitted fan is drawn over them
        for (boolean fittedPass : new boolean[] {false, true}) {
            for (SeedOutcome s : configuration.seeds()) {
                if (s.fitted() != fittedPass) {
                    continue;
                }
                float[] ys = s.curve();
                XYSeries curve = new XYSeries("seed " + s.seed() + (fittedPass ? "" : " (not fit)"), false);
                for (int i = 0; i < xs.length; i++) {
                    if (Float.isFinite(ys[i])) {
                        curve.add(xs[i], ys[i]);
                        if (fittedPass) {
                            low = Math.min(low, ys[i]);
                            high = Math.max(high, ys[i]);
                        }
                    }
                }
                series.addSeries(curve);
                renderer.setSeriesLinesVisible(index, true);
                renderer.setSeriesShapesVisible(index, false);
                renderer.setSeriesPaint(index, fittedPass ? fittedPaint : Charts.NOT_FITTED);
                renderer.setSeriesStroke(index, Charts.THIN);
                index++;
            }
        }
        if (sweep.data().truth().isPresent()) {
            XYSeries truth = new XYSeries("truth", false);
            for (float x : xs) {
                double y = sweep.data().truth().get().at(x);
                truth.add(x, y);
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
            series.addSeries(truth);
            renderer.setSeriesLinesVisible(index, true);
            renderer.setSeriesShapesVisible(index, false);
            renderer.setSeriesPaint(index, Charts.TRUTH);
            renderer.setSeriesStroke(index, Charts.DASHED);
            index++;
        }
        XYSeries points = new XYSeries("training points", false);
        float[] px = sweep.data().x();
        float[] py = sweep.data().y();
        for (int i = 0; i < px.length; i++) {
            points.add(px[i], py[i]);
            low = Math.min(low, py[i]);
            high = Math.max(high, py[i]);
        }
        series.addSeries(points);
        renderer.setSeriesLinesVisible(index, false);
        renderer.setSeriesShapesVisible(index, true);
        renderer.setSeriesPaint(index, Charts.POINTS);
        renderer.setSeriesShape(index, new Ellipse2D.Double(-6, -6, 12, 12));

        String title = String.format(Locale.ROOT, "%s: %d seeds, %d fit",
                configuration.configuration().architecture().describe(),
                configuration.seeds().size(), configuration.fitted().size());
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "x", "y", series, PlotOrientation.VERTICAL, true, false, false);
        Charts.style(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                "%s data, %d steps of %s at lr %s; fit = final loss < %s; dotted lines: the probes",
                sweep.data().name(), sweep.config().steps(), sweep.config().optimizer().title(),
                Float.toString(sweep.config().learningRate()),
                Double.toString(sweep.fitThreshold()))));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        // JFreeChart draws the last series first by default; forward order puts the fitted nets
        // over the grey ones and the truth and the points over both
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        double margin = high > low ? 0.08 * (high - low) : Math.max(1, Math.abs(high)) * 0.1;
        plot.getRangeAxis().setRange(low - margin, high + margin);
        markProbes(plot, sweep);
        plot.setFixedLegendItems(legend(configuration));
        return chart;
    }

    /** A dotted vertical line at each probe, labelled with its x (and the truth there, where known). */
    private static void markProbes(XYPlot plot, SweepResult sweep) {
        float[] probes = sweep.probes();
        double[] truth = sweep.truthAtProbes();
        for (int i = 0; i < probes.length; i++) {
            ValueMarker marker = new ValueMarker(probes[i], Charts.PROBES, Charts.DOTTED);
            String label = "x = " + SweepTable.significant(probes[i])
                    + (Double.isNaN(truth[i]) ? "" : ", true y = " + SweepTable.significant(truth[i]));
            marker.setLabel(label);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            marker.setLabelPaint(Charts.PROBES);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    private static LegendItemCollection legend(ConfigurationResult configuration) {
        LegendItemCollection items = new LegendItemCollection();
        // 22 px: two whole dashes of the truth's 8-on-6-off pattern, so its swatch reads as its line
        Line2D line = new Line2D.Double(-11, 0, 11, 0);
        items.add(lineItem("learned, fit (" + configuration.fitted().size() + ")", Charts.LEARNED, Charts.SOLID, line));
        int notFit = configuration.seeds().size() - configuration.fitted().size();
        if (notFit > 0) {
            items.add(lineItem("learned, did not fit (" + notFit + ")", Charts.NOT_FITTED, Charts.SOLID, line));
        }
        items.add(lineItem("truth", Charts.TRUTH, Charts.DASHED, line));
        LegendItem points = new LegendItem("training points", null, null, null,
                new Ellipse2D.Double(-5, -5, 10, 10), Charts.POINTS);
        items.add(points);
        return items;
    }

    private static LegendItem lineItem(String label, Color paint, java.awt.Stroke stroke, Line2D line) {
        return new LegendItem(label, null, null, null, false, new Rectangle(), false, paint, false, paint,
                stroke, true, line, stroke, paint);
    }
}
