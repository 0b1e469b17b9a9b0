package dev.djlfit.report;

import dev.djlfit.sweep.ConfigurationResult;
import dev.djlfit.sweep.SeedOutcome;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.sweep.SweepResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A configuration's "fan": every seed's learned curve over −1 ≤ x ≤ 11, the nets that fit in
 * blue (drawn translucent, so where many agree the colour deepens), those that did not in grey,
 * over the true function and the training points. How wide the fan opens beyond x = 3 is how
 * uncertain the extrapolation is. The y axis shows the truth's range with a margin; curves that
 * leave it are cut at the edge.
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
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
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
                "%s data, %d steps of SGD at lr %s; fit = final loss < %s",
                sweep.data().name(), sweep.config().steps(), Float.toString(sweep.config().learningRate()),
                Double.toString(sweep.fitThreshold()))));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        double margin = 0.25 * (high - low);
        plot.getRangeAxis().setRange(low - margin, high + margin);
        plot.setFixedLegendItems(legend(configuration));
        return chart;
    }

    private static LegendItemCollection legend(ConfigurationResult configuration) {
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-8, 0, 8, 0);
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
