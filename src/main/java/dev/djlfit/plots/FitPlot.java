package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Truth;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.torch.TensorValues;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One experiment as a picture: the four training points, the true function, and the function the
 * net learned over −1 ≤ x ≤ 11, with its predictions at the article's probes (2.5 and 10) marked.
 * Drawn from the result alone ({@link ExperimentResult#curve()}); no net needed.
 */
public final class FitPlot {

    static {
        Charts.ensureHeadless();
    }

    public static String fileName(ExperimentResult result) {
        return fileName(result.spec(), result.config());
    }

    /** Known before the run, so that the output folder is checked before it trains. */
    public static String fileName(ExperimentSpec spec, TrainingSettings config) {
        return ExperimentPlots.fileStem(spec, config) + "-fit.png";
    }

    public Path write(ExperimentResult result, OutputFolder folder) {
        return Charts.writePng(chart(result), folder, fileName(result));
    }

    public JFreeChart chart(ExperimentResult result) {
        DataPoints data = result.spec().data();
        Optional<Truth> truth = data.truth();
        TensorValues curveX = result.curve().x();
        TensorValues curveY = result.curve().y();

        XYSeriesCollection series = new XYSeriesCollection();
        XYSeries learned = new XYSeries("learned by the net", false);
        for (int i = 0; i < curveX.size(); i++) {
            learned.add(curveX.get(i), curveY.get(i));
        }
        series.addSeries(learned);
        if (truth.isPresent()) {
            XYSeries truthSeries = new XYSeries("truth y = " + truth.get().formula(), false);
            for (int i = 0; i < curveX.size(); i++) {
                truthSeries.add(curveX.get(i), truth.get().at(curveX.get(i)));
            }
            series.addSeries(truthSeries);
        }
        XYSeries points = new XYSeries("training points", false);
        float[] x = data.x();
        float[] y = data.y();
        for (int i = 0; i < x.length; i++) {
            points.add(x[i], y[i]);
        }
        series.addSeries(points);
        XYSeries probes = new XYSeries("predictions at the probes", false);
        TensorValues probeX = result.newPrediction().x();
        TensorValues probeY = result.newPrediction().y();
        for (int i = 0; i < probeX.size(); i++) {
            probes.add(probeX.get(i), probeY.get(i));
        }
        series.addSeries(probes);

        JFreeChart chart = ChartFactory.createXYLineChart(
                result.spec().title(), "x", "y", series, PlotOrientation.VERTICAL, true, false, false);
        Charts.style(chart);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                "seed %d, %d steps of %s at lr %s%s, final loss %.3e",
                result.config().seed(), result.config().steps(), result.config().optimizer().title(),
                Float.toString(result.config().learningRate()),
                result.config().normalize() ? " on standardised data" : "", result.finalLoss())));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setDrawSeriesLineAsPath(true); // one path per series, so the truth's dashes run on across points
        renderer.setLegendLine(new java.awt.geom.Line2D.Double(-11, 0, 11, 0)); // two whole dashes of the truth's pattern
        int index = 0;
        line(renderer, index++, Charts.LEARNED, Charts.SOLID);
        if (truth.isPresent()) {
            line(renderer, index++, Charts.TRUTH, Charts.DASHED);
        }
        int pointsIndex = index++;
        markers(renderer, pointsIndex, Charts.POINTS, new Ellipse2D.Double(-6, -6, 12, 12));
        int probesIndex = index;
        markers(renderer, probesIndex, Charts.PROBES, new Rectangle2D.Double(-6, -6, 12, 12));
        plot.setRenderer(renderer);

        for (int i = 0; i < probeX.size(); i++) {
            double px = probeX.get(i);
            double py = probeY.get(i);
            String label = truth
                    .map(t -> String.format(Locale.ROOT, "ŷ(%s) = %.2f (true %.2f)", number(px), py, t.at(px)))
                    .orElse(String.format(Locale.ROOT, "ŷ(%s) = %.2f", number(px), py));
            // point the label up-left so it stays inside the plot at x = 10
            XYPointerAnnotation note = new XYPointerAnnotation(label, px, py, -2.4);
            note.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            note.setPaint(Charts.PROBES);
            note.setArrowPaint(Charts.PROBES);
            note.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            note.setBaseRadius(45);
            plot.addAnnotation(note);
        }
        return chart;
    }

    private static void line(XYLineAndShapeRenderer renderer, int series, java.awt.Paint paint, java.awt.Stroke stroke) {
        renderer.setSeriesLinesVisible(series, true);
        renderer.setSeriesShapesVisible(series, false);
        renderer.setSeriesPaint(series, paint);
        renderer.setSeriesStroke(series, stroke);
    }

    private static void markers(XYLineAndShapeRenderer renderer, int series, java.awt.Paint paint, java.awt.Shape shape) {
        renderer.setSeriesLinesVisible(series, false);
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesPaint(series, paint);
        renderer.setSeriesShape(series, shape);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
