package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.djlfit.program.Trace;
import org.junit.jupiter.api.Test;

class InputsDiffTest {

    @Test
    void countsPointsAndUlps() {
        float x = 1.5f;
        Trace.Inputs a = new Trace.Inputs(new float[] {x, 0f, -2f}, new float[] {1f, -0f, 3f});
        Trace.Inputs b = new Trace.Inputs(new float[] {Math.nextUp(Math.nextUp(x)), Float.MIN_VALUE, -2f},
                new float[] {1f, 0f, Math.nextDown(3f)});
        InputsDiff d = InputsDiff.of(a, b);
        assertEquals(3, d.points());
        assertEquals(2, d.xDiffering());
        assertEquals(2, d.xMaxUlps());
        assertEquals(1, d.yDiffering(), "-0 and 0 are the same number");
        assertEquals(1, d.yMaxUlps());
        assertEquals(1, InputsDiff.ulps(-Float.MIN_VALUE, 0f));
        assertEquals(2, InputsDiff.ulps(-Float.MIN_VALUE, Float.MIN_VALUE));
    }
}
