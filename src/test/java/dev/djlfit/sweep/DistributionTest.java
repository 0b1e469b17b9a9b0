package dev.djlfit.sweep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionTest {

    @Test
    void percentilesInterpolateBetweenRanksAsNumpyDoes() {
        // numpy.percentile([1..11 shuffled], [5, 50, 95]) = [1.5, 6, 10.5]
        Distribution d = Distribution.of(new double[] {7, 1, 11, 3, 5, 9, 2, 4, 6, 8, 10});
        assertEquals(11, d.count());
        assertEquals(6, d.median(), 1e-12);
        assertEquals(1.5, d.p5(), 1e-12);
        assertEquals(10.5, d.p95(), 1e-12);
        assertEquals(1, d.min());
        assertEquals(11, d.max());
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Distribution.of(new double[] {4, 1, 3, 2}).median(), 1e-12);
    }

    @Test
    void noNumbersGiveNaN() {
        Distribution d = Distribution.of(new double[0]);
        assertEquals(0, d.count());
        assertTrue(Double.isNaN(d.median()) && Double.isNaN(d.p5()) && Double.isNaN(d.max()));
    }
}
