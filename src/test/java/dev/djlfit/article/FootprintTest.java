package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The estimates against the peaks measured in docs/performance.md's memory table (GNU time's
 * maximum resident size, less a --hidden 10 run's): each within 2×. The measured figures are
 * copied from that table; rerun its commands to renew them.
 */
class FootprintTest {

    /** Points the extrapolation report evaluates for the article's data: its probes and two grids of 701. */
    private static final long EVALUATED = 1404;

    @Test
    void aSweepsEstimateCountsTheReportsEvaluationAndMatchesItsMeasuredPeak() {
        long[][] hiddenAndMeasuredMb = {{3_000, 608}, {10_000, 2_097}, {100_000, 19_528}};
        for (long[] row : hiddenAndMeasuredMb) {
            Architecture net = ModelKind.TANH.architecture((int) row[0], Nonlinearity.TANH);
            Footprint f = Footprint.sweep(List.of(net), 8, 4, EVALUATED, 1);
            assertWithinTwice(f, row[1], "sweep of 8 nets, hidden " + row[0]);
        }
    }

    @Test
    void trainingsEstimateMatchesItsMeasuredPeak() {
        long[][] hiddenAndMeasuredMb = {{1_000_000, 223}, {3_000_000, 570}, {10_000_000, 1_064}};
        for (long[] row : hiddenAndMeasuredMb) {
            Footprint f = Footprint.training(ModelKind.TANH.architecture((int) row[0], Nonlinearity.TANH), 4);
            assertWithinTwice(f, row[1], "train, hidden " + row[0]);
        }
    }

    private static void assertWithinTwice(Footprint f, long measuredMb, String what) {
        double estimateMb = (f.heapBytes() + f.nativeBytes()) / 1e6;
        assertTrue(estimateMb >= measuredMb / 2.0 && estimateMb <= measuredMb * 2.0,
                what + ": estimate " + estimateMb + " MB against " + measuredMb + " MB measured");
    }
}
