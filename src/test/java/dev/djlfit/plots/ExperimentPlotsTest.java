package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.terminal.PngAssertions;
import ai.djl.Device;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.Experiments;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.ModelKind;
import dev.djlfit.article.OptimizerKind;
import dev.djlfit.article.TrainingSettings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import dev.djlfit.article.TrainingObserver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentPlotsTest {

    private static ExperimentResult result;

    @BeforeAll
    static void train() {
        result = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.TANH, ArticleData.QUADRATIC.dataset(), 10, Nonlinearity.TANH),
                TrainingSettings.article().withSteps(1500), TrainingObserver.NONE);
    }

    @Test
    void writesAFitPlotAndALossPlotNamedAfterTheExperiment(@TempDir Path dir) throws IOException {
        List<Path> files = ExperimentPlots.write(result, OutputFolder.open(dir));

        assertEquals(List.of(dir.resolve("tanh-quadratic-tanh-h10-seed0-1500steps-fit.png"),
                dir.resolve("tanh-quadratic-tanh-h10-seed0-1500steps-loss.png")), files);
        BufferedImage fit = PngAssertions.assertChartPng(files.get(0));
        BufferedImage loss = PngAssertions.assertChartPng(files.get(1));
        // the learned curve spans the plot's width: hundreds of pixels in its colour
        assertTrue(PngAssertions.count(fit, Charts.LEARNED) > 500, "learned curve drawn");
        assertTrue(PngAssertions.count(fit, Charts.POINTS) > 100, "training points drawn");
        assertTrue(PngAssertions.count(fit, Charts.PROBES) > 100, "probe predictions marked");
        assertTrue(PngAssertions.count(loss, Charts.LEARNED) > 300, "loss curve drawn");
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void runsThatDifferInActivationWidthOrSeedGetTheirOwnFileNames() {
        ExperimentResult other = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.DEEP, ArticleData.QUADRATIC.dataset(), 50, Nonlinearity.RELU),
                TrainingSettings.article().withSteps(10).withSeed(3), TrainingObserver.NONE);
        assertEquals("deep-quadratic-relu-h50-seed3-10steps-fit.png", FitPlot.fileName(other));
        assertEquals("deep-quadratic-relu-h50-seed3-10steps-loss.png", LossPlot.fileName(other));
        assertTrue(other.spec().note().endsWith("l2 = Linear(50, 50)"), other.spec().note());
    }

    @Test
    void theLossPlotNamesTheOptimiserUsedAndTheLossItShows() {
        TrainingSettings adam = new TrainingSettings(300, OptimizerKind.ADAM.defaultLearningRate(), 0,
                TrainingSettings.DEFAULT_LOSS_EVERY, OptimizerKind.ADAM, true);
        ExperimentResult normalized = new ExperimentRunner(Device.cpu()).run(
                Experiments.of(ModelKind.TANH, ArticleData.QUADRATIC.dataset(), 10, Nonlinearity.TANH),
                adam, TrainingObserver.NONE);
        JFreeChart chart = new LossPlot().chart(normalized);
        String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
        assertTrue(subtitle.startsWith("300 steps of Adam at lr 0.001 on standardised data"), subtitle);
        assertFalse(subtitle.contains("SGD"), subtitle);
        XYPlot plot = chart.getXYPlot();
        assertEquals("MSE loss in the data's units (log scale)", plot.getRangeAxis().getLabel());
        // the curve is the loss the text report prints: in the data's units, from the first step
        double first = plot.getDataset().getYValue(0, 0);
        assertEquals(normalized.scaling().unscaleLoss(normalized.training().losses().get(0).loss()), first, 1e-6 * first);
        assertEquals(1, plot.getDataset().getXValue(0, 0));
        assertTrue(plot.getDomainAxis() instanceof LogAxis, "steps on a log axis");

        String sgd = ((TextTitle) new LossPlot().chart(result).getSubtitle(0)).getText();
        assertTrue(sgd.startsWith("1500 steps of SGD at lr 0.01, seed 0"), sgd);
        assertEquals("MSE loss (log scale)", new LossPlot().chart(result).getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void aBlankChartHasNoneOfTheCurveColour(@TempDir Path dir) throws IOException {
        // the colour check above would catch a plot without its curve: an empty chart has none
        var empty = org.jfree.chart.ChartFactory.createXYLineChart("empty", "x", "y",
                new org.jfree.data.xy.XYSeriesCollection());
        Path file = Charts.writePng(empty, OutputFolder.open(dir), "empty.png");
        assertEquals(0, PngAssertions.count(PngAssertions.assertChartPng(file), Charts.LEARNED));
    }

    @Test
    void rewritingAFileReplacesItWhole(@TempDir Path dir) throws IOException {
        OutputFolder folder = OutputFolder.open(dir);
        folder.writeText("table.md", "first version, longer than the second\n");
        folder.writeText("table.md", "second\n");
        assertEquals("second\n", Files.readString(dir.resolve("table.md")));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count());
        }
    }
}
