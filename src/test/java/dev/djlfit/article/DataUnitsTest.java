package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.djlfit.article.data.Scaling;
import org.junit.jupiter.api.Test;

class DataUnitsTest {

    @Test
    void aLineOnStandardisedUnitsMapsBackToTheDataUnits() {
        Scaling scaling = new Scaling(1.5, 1.118, 14.5, 12.659);
        EquivalentLine scaled = new EquivalentLine(0.87, -0.03);
        EquivalentLine line = ExperimentRunner.inDataUnits(scaled, scaling);
        for (double x : new double[] {-2, 0, 1.5, 3, 10}) {
            double viaNet = scaled.at((x - scaling.xMean()) / scaling.xScale()) * scaling.yScale() + scaling.yMean();
            assertEquals(viaNet, line.at(x), 1e-9, "x = " + x);
        }
        assertSame(scaled, ExperimentRunner.inDataUnits(scaled, Scaling.IDENTITY));
    }
}
