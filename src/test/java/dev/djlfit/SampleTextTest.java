package dev.djlfit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.SampleText.Tolerance;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

class SampleTextTest {

    private static final String RUN = String.join("\n", "header", "99 582.650390625", "199 394.5884704589844",
            "299 268.3838195800781", "Result: y = 0.0025236690416932106 x", "  RMSE: 0.0679", "");

    @Test
    void aSampleWithGapsAndTheSameNumbersIsShown() {
        SampleText.assertShows("t", List.of("99 582.650390625", "...", "Result: y = 0.0025236690416932106 x"), RUN,
                Tolerance.EXACT);
    }

    @Test
    void anotherNumberIsRefusedUnlessTheToleranceTakesIt() {
        List<String> sample = List.of("199 394.5885009765625");
        assertThrows(AssertionFailedError.class, () -> SampleText.assertShows("t", sample, RUN, Tolerance.EXACT));
        SampleText.assertShows("t", sample, RUN, Tolerance.relative(1e-6));
        assertThrows(AssertionFailedError.class, () -> SampleText.assertShows("t", sample, RUN, Tolerance.relative(1e-8)));
    }

    @Test
    void linesWithoutAGapMustFollowEachOtherInOrder() {
        assertThrows(AssertionFailedError.class, () -> SampleText.assertShows("t",
                List.of("99 582.650390625", "299 268.3838195800781"), RUN, Tolerance.EXACT));
        assertThrows(AssertionFailedError.class, () -> SampleText.assertShows("t",
                List.of("199 394.5884704589844", "...", "99 582.650390625"), RUN, Tolerance.EXACT));
    }

    @Test
    void textMustBeTheSameButColumnsMayMove() {
        assertTrue(SampleText.lineMatches("  RMSE:   0.0679", "  RMSE: 0.0679", Tolerance.EXACT));
        assertFalse(SampleText.lineMatches("  RMSE: 0.0679", "  rmse: 0.0679", Tolerance.EXACT));
        assertFalse(SampleText.lineMatches("a 1 b", "a 1 b 2", Tolerance.EXACT));
    }
}
