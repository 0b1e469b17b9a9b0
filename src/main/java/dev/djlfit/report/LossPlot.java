package dev.djlfit.report;

import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.training.TrainingConfig;
import dev.djlfit.training.LossPoint;
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
 * The loss over the training steps, on a log scale: the article's loop is a long slow descent
 * that a linear axis flattens into one corner. Recorded losses of exactly 0 have no place on a log
 * axis and are left out (the subtitle says how many).
 */
public final class LossPlot {

    static {
        Charts.ensureHeadless();
    }

    public static String fileName(ExperimentResult result) {
        return fileName(result.spec(), result.config());
    }

    /** Known before the run, so that the output folder is checked before it trains. */
    public static String fileName(ExperimentSpec spec, TrainingConfig config) {
        return spec.name() + "-loss.png";
    }

    public Path write(ExperimentResult result, OutputFolder folder) {
        return Charts.writePng(chart(result), folder, fileName(result));
    }

    public JFreeChart chart(ExperimentResult result) {
        XYSeries loss = new XYSeries("MSE loss", false);
        int zeros = 0;
        for (LossPoint p : result.training().losses()) {
            if (p.loss() > 0) {
                loss.add(p.step(), p.loss());
            } else {
                zeros++;
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "loss: " + result.spec().title(), "step", "MSE loss (log scale)",
                new XYSeriesCollection(loss), PlotOrientation.VERTICAL, false, false, false);
        Charts.style(chart);
        String subtitle = String.format(Locale.ROOT, "%d steps of SGD at lr %s, seed %d; loss recorded every %d steps",
                result.config().steps(), Float.toString(result.config().learningRate()),
                result.config().seed(), result.config().lossEvery());
        if (zeros > 0) {
            subtitle += "; " + zeros + " recorded losses of exactly 0 not shown";
        }
        chart.addSubtitle(new TextTitle(subtitle));
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis("MSE loss (log scale)");
        axis.setBase(10);
        axis.setSmallestValue(1e-30);
        // ticks at whole decades only (steps of 1, 2, 5 or 10 decades, whichever fits)
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10}) {
            decades.add(new NumberTickUnit(step));
        }
        axis.setStandardTickUnits(decades);
        axis.setNumberFormatOverride(new DecimalFormat("0E0"));
        plot.setRangeAxis(axis);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Charts.LEARNED);
        renderer.setSeriesStroke(0, Charts.SOLID);
        plot.setRenderer(renderer);
        return chart;
    }
}
