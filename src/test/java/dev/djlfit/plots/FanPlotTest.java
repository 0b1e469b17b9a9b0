package dev.djlfit.plots;

import dev.djlfit.io.OutputFolder;
import dev.djlfit.terminal.PngAssertions;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.Range;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.sweep.ConfigurationResult;
import dev.djlfit.sweep.SeedOutcome;
import dev.djlfit.sweep.SweepConfiguration;
import dev.djlfit.sweep.SweepResult;
import dev.djlfit.article.TrainingSettings;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fan shows the nets that fit, spans what it draws, and marks the probes. */
class FanPlotTest {

    private static final DataPoints QUADRATIC = ArticleData.QUADRATIC.dataset();

    /** Every net learned the same curve, 2 of 6 fit: drawn on top, the fitted ones must show. */
    private static SweepResult sweep(float[] probes, float curveScale) {
        Extrapolation scoring = new Extrapolation(probes, new Range(0, 3, true), new Range(3, 10, false));
        float[] xs = scoring.curve().grid(121);
        float[] curve = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            curve[i] = curveScale * (float) Math.tanh(xs[i] / 3);
        }
        List<SeedOutcome> seeds = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            boolean fits = seed < 2;
            seeds.add(new SeedOutcome(seed, fits ? 1e-5 : 1, fits, new double[probes.length], 0, 0, curve));
        }
        ConfigurationResult configuration = new ConfigurationResult(
                new SweepConfiguration(Nonlinearity.SIGMOID, 10, 2), seeds, 1_000_000, 100);
        double[] truth = new double[probes.length];
        for (int i = 0; i < probes.length; i++) {
            truth[i] = QUADRATIC.truth().orElseThrow().at(probes[i]);
        }
        return new SweepResult(QUADRATIC, TrainingSettings.article().withSteps(100), 1e-3, scoring, truth, xs,
                List.of(configuration), 1, 1_000_000, 0);
    }

    @Test
    void theNetsThatFitAreDrawnOverTheOnesThatDidNot(@TempDir Path dir) throws IOException {
        SweepResult sweep = sweep(new float[] {2.5f, 10f}, 40);
        Path png = new FanPlot().write(sweep, sweep.configurations().get(0), OutputFolder.open(dir));
        BufferedImage image = PngAssertions.assertChartPng(png);
        // the legend's swatch alone is about 50 such pixels; a curve across the plot is hundreds
        assertTrue(PngAssertions.bluish(image) > 600, "the 2 fitted curves show over the 4 grey ones: " + PngAssertions.bluish(image));
    }

    @Test
    void theYRangeCoversTheFittedNetsAndTheTruthAndTheProbesAreMarked() {
        float[] probes = {1.5f, 4f, 7f};
        SweepResult sweep = sweep(probes, -500);
        XYPlot plot = new FanPlot().chart(sweep, sweep.configurations().get(0)).getXYPlot();
        double low = plot.getRangeAxis().getLowerBound();
        double high = plot.getRangeAxis().getUpperBound();
        assertTrue(low < -500 * Math.tanh(11.0 / 3) && low > -600, "down to the fitted curves: " + low);
        assertTrue(high > 386 && high < 500, "up to the truth at the right end: " + high);

        Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        List<Double> at = markers.stream().map(m -> ((ValueMarker) m).getValue()).toList();
        assertEquals(List.of(1.5, 4.0, 7.0), at);
        assertTrue(((ValueMarker) markers.iterator().next()).getLabel().startsWith("x = 1.5, true y = "));
    }
}
