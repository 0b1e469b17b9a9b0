package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.nio.file.Path;

/** What every chart shares: headless rendering, size, colours, and writing it as a PNG. */
public final class Charts {

    static {
        // Before any AWT class loads: charts render without a display (SSH, CI, containers).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 650;

    /** The learned function; tests look for this exact colour in the PNG. */
    public static final Color LEARNED = new Color(31, 119, 180);
    public static final Color TRUTH = new Color(90, 90, 90);
    public static final Color POINTS = new Color(230, 85, 13);
    public static final Color PROBES = new Color(214, 39, 40);
    public static final Color NOT_FITTED = new Color(180, 180, 180);

    public static final Stroke SOLID = new BasicStroke(2.5f);
    public static final Stroke THIN = new BasicStroke(1.2f);
    public static final Stroke DOTTED = new BasicStroke(
            1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f);
    public static final Stroke DASHED = new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);

    private Charts() {}

    /** Makes sure the headless setting is in place before a chart class touches AWT. */
    public static void ensureHeadless() {
        // the static initialiser does the work
    }

    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlinePaint(Color.GRAY);
    }

    public static Path writePng(JFreeChart chart, OutputFolder folder, String fileName) {
        return folder.write(fileName, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
