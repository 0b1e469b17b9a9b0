package dev.djlfit.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.djlfit.extrapolation.PointError;
import dev.djlfit.torch.TensorValues;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class TraceJsonTest {

    @Test
    void roundTripKeepsEveryFloatAndShape() {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("0.weight", new TensorValues(new long[] {1, 3}, new float[] {0.1f, -2.5e-8f, 3f}));
        initial.put("0.bias", TensorValues.vector(Float.MIN_VALUE));
        Map<String, TensorValues> last = Map.of("a", new TensorValues(new long[0], new float[] {-0.014628551f}));
        Trace trace = new Trace("polynomial-nn", 1234, 2000, "test", new Trace.Inputs(new float[] {(float) -Math.PI, 0f},
                new float[] {8.742278e-8f, 0f}), initial, last, List.of(new Trace.PrintedLoss(99, 3238.3005f)),
                "Result: y = 1", 0.5, Optional.of(new ExtrapolationSummary("3x^2 + 2x + 1", "net 1→10→1",
                        List.of(new PointError(10, 321, 108)), 2.5, "0 <= x <= 3", 103.9, "3 < x <= 10")));

        Trace back = TraceJson.parse(TraceJson.toJson(trace), "test");

        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(back.initialParameters().keySet()));
        assertEquals(trace.initialParameters(), back.initialParameters());
        assertEquals(trace.finalParameters(), back.finalParameters());
        assertArrayEquals(new long[0], back.finalParameters().get("a").shape());
        assertArrayEquals(trace.inputs().x(), back.inputs().x());
        assertArrayEquals(trace.inputs().y(), back.inputs().y());
        assertEquals(trace.losses(), back.losses());
        assertEquals(trace.extrapolation(), back.extrapolation());
        assertEquals(1234, back.seed());
    }

    @Test
    void readsWhatThePythonReferenceWrites() {
        String python = "{\"program\": \"polynomial-module\", \"seed\": 0, \"steps\": 100, \"engine\": \"PyTorch 1.13\","
                + " \"inputs\": {\"x\": [-3.1415927410125732], \"y\": [8.742277657347586e-08]},"
                + " \"initial_parameters\": {\"a\": 1.5409960746765137}, \"final_parameters\": {\"a\": 0.5},"
                + " \"losses\": [[99, 3238.300048828125]], \"result\": \"Result: y = ...\", \"loop_seconds\": 0.1}";
        Trace t = TraceJson.parse(python, "python");
        assertEquals(1.5409961f, t.initialParameters().get("a").get(0));
        assertEquals((float) -Math.PI, t.inputs().x()[0]);
        assertEquals(3238.300048828125f, t.lastLoss().orElseThrow().value());
        assertEquals(Optional.empty(), t.extrapolation());
    }

    @Test
    void aSinFitsTraceWrittenBeforeTheSummaryWasGeneralReadsAsItWasWritten() {
        String older = "{\"program\": \"polynomial-nn\", \"seed\": 0, \"steps\": 100, \"inputs\": {\"x\": [0], \"y\": [0]},"
                + " \"initial_parameters\": {}, \"final_parameters\": {}, \"losses\": [], \"result\": \"r\","
                + " \"extrapolation\": {\"truth\": \"sin(x)\", \"model\": \"a + b x + c x^2 + d x^3\","
                + " \"probes\": [{\"x\": -6.2831854820251465, \"true\": 1.7484555314695172E-7, \"predicted\": 16.86}],"
                + " \"rmse_inside\": 0.0785, \"inside\": \"-pi <= x <= pi\", \"rmse_outside\": 7.78,"
                + " \"outside\": \"pi < |x| <= 2 pi\"}}";
        ExtrapolationSummary e = TraceJson.parse(older, "old.json").extrapolation().orElseThrow();
        assertEquals(new ExtrapolationSummary("sin(x)", "a + b x + c x^2 + d x^3",
                List.of(new PointError(-6.2831854820251465, 1.7484555314695172E-7, 16.86)), 0.0785, "-pi <= x <= pi",
                7.78, "pi < |x| <= 2 pi"), e);
        String written = TraceJson.toJson(TraceJson.parse(older, "old.json"));
        assertEquals(e, TraceJson.parse(written, "again").extrapolation().orElseThrow(), "written back with the same keys");
    }

    @Test
    void anExtrapolationWithoutItsDescriptionsStillReads() {
        String bare = "{\"program\": \"p\", \"seed\": 0, \"steps\": 1, \"inputs\": {\"x\": [0], \"y\": [0]},"
                + " \"initial_parameters\": {}, \"final_parameters\": {}, \"losses\": [], \"result\": \"r\","
                + " \"extrapolation\": {\"model\": \"m\", \"probes\": [], \"rmse_inside\": 1, \"rmse_outside\": 2}}";
        assertEquals(new ExtrapolationSummary("", "m", List.of(), 1, "", 2, ""),
                TraceJson.parse(bare, "bare.json").extrapolation().orElseThrow());
    }

    @Test
    void aMissingPartIsNamed() {
        InvalidTraceException e = assertThrows(InvalidTraceException.class,
                () -> TraceJson.parse("{\"program\": \"p\", \"seed\": 0}", "f.json"));
        assertEquals(true, e.getMessage().startsWith("f.json is not a trace"), e.getMessage());
    }

    @Test
    void aDocumentNestedDeeperThanAnyTraceIsRefusedInWords() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        InvalidTraceException e = assertThrows(InvalidTraceException.class, () -> TraceJson.parse(deep, "ref.json"));
        assertEquals("ref.json nests deeper than 64 levels at line 1, column 66; no document of this project is that deep",
                e.getMessage());
    }

    @Test
    void numbersWrittenAsTextOrBeyondAFloatAreNamed() {
        String good = "{\"program\": \"p\", \"seed\": 0, \"steps\": 1, \"inputs\": {\"x\": [1, 2], \"y\": [1, 2]},"
                + " \"initial_parameters\": {}, \"final_parameters\": {}, \"losses\": [], \"result\": \"r\"}";
        assertEquals(2, TraceJson.parse(good, "t").inputs().size());
        assertEquals("t is not a trace (docs/trace-format.md): \"inputs\".\"y\" item 2 is the text \"2\" where a number"
                + " is expected", assertThrows(InvalidTraceException.class,
                        () -> TraceJson.parse(good.replace("[1, 2]}", "[1, \"2\"]}"), "t")).getMessage());
        assertEquals("t is not a trace (docs/trace-format.md): \"inputs\".\"x\" item 1 is 1.0E39, too large for a 32-bit"
                + " float (at most about 3.4e38)", assertThrows(InvalidTraceException.class,
                        () -> TraceJson.parse(good.replace("[1, 2],", "[1e39, 2],"), "t")).getMessage());
    }
}
