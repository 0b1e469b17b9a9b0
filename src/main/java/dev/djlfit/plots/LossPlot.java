package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentSpec;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.LossPoint;
import dev.djlfit.article.TrainingSettings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Locale;

/**
 * The loss over the training steps, both axes on a log scale: the article's loop does most of its
 * work in the first percent of its steps, which a linear step axis squeezes against the left edge,
 * and then descends slowly over decades of loss. Steps count from 1 (the first step's loss is at
 * 1), as a log axis has no 0. With {@code --normalize} the net trains on standardised data; the
 * loss is drawn in the data's own units, as the text report prints it. Recorded losses of exactly
 * 0 have no place on a log axis and are left out (the subtitle says how many). Each recorded
 * loss is marked with a dot, so that a straight segment between two reads as what it is.
 */
public final class LossPlot {

    static {
        Charts.ensureHeadless();
    }

    public static String fileName(ExperimentResult result) {
        return fileName(result.spec(), result.config());
    }

    /** Known before the run, so that the output folder is checked before it trains. */
    public static String fileName(ExperimentSpec spec, TrainingSettings config) {
        return ExperimentPlots.fileStem(spec, config) + "-loss.png";
    }

    public Path write(ExperimentResult result, OutputFolder folder) {
        return Charts.writePng(chart(result), folder, fileName(result));
    }

    /** What the y axis says the loss is. */
    public static String lossLabel(ExperimentResult result) {
        return result.config().normalize()
                ? "MSE loss in the data's units (log scale)"
                : "MSE loss (log scale)";
    }

    public JFreeChart chart(ExperimentResult result) {
        XYSeries loss = new XYSeries("MSE loss", false);
        int zeros = 0;
        for (LossPoint p : result.training().losses()) {
            double value = result.scaling().unscaleLoss(p.loss());
            if (value > 0) {
                loss.add(p.step() + 1, value);
            } else {
                zeros++;
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "loss: " + result.spec().title(), "step", lossLabel(result),
                new XYSeriesCollection(loss), PlotOrientation.VERTICAL, false, false, false);
        Charts.style(chart);
        TrainingSettings config = result.config();
        String subtitle = String.format(Locale.ROOT, "%d steps of %s at lr %s%s, seed %d; loss recorded every %d steps",
                config.steps(), config.optimizer().title(), Float.toString(config.learningRate()),
                config.normalize() ? " on standardised data (loss converted back to the data's units)" : "",
                config.seed(), config.lossEvery());
        if (zeros > 0) {
            subtitle += "; " + zeros + " recorded losses of exactly 0 not shown";
        }
        chart.addSubtitle(new TextTitle(subtitle));
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(decades(lossLabel(result), 1e-30, "0E0"));
        plot.setDomainAxis(decades("step (log scale; the first step is 1)", 1, "#,##0"));
        // a dot at each recorded loss: on a log step axis the first hundred steps are one segment
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Charts.LEARNED);
        renderer.setSeriesStroke(0, Charts.SOLID);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(renderer);
        return chart;
    }

    /** A base-10 log axis with ticks at whole decades only (every 1, 2, 5 or 10 decades, whichever fits). */
    private static LogAxis decades(String label, double smallest, String format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(smallest);
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10}) {
            decades.add(new NumberTickUnit(step));
        }
        axis.setStandardTickUnits(decades);
        axis.setNumberFormatOverride(new DecimalFormat(format));
        return axis;
    }
}
