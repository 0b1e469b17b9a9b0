package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.TensorValues;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code judge JAVA PYTORCH}: compare's checks on two traces of a program the project does not know. */
class JudgeCommandTest {

    @TempDir
    Path folder;

    @Test
    void tracesWithinTheGivenTolerancesMatch() throws IOException {
        Path java = write("java.json", trace("mine", 1.0f + 1e-6f, 0.5f, Map.of()));
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of()));
        CliRun run = CliRun.of("judge", java.toString(), pytorch.toString(), "--tolerance-parameters", "1e-5",
                "--tolerance-loss", "1e-5");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("== mine, seed 3, 200 steps"), run.out());
        assertTrue(run.out().strip().endsWith("MATCH"), run.out());
    }

    @Test
    void aFinalParameterBeyondTheToleranceIsAMismatchWithItsReason() throws IOException {
        Path java = write("java.json", trace("mine", 1.001f, 0.5f, Map.of()));
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of()));
        CliRun run = CliRun.of("judge", java.toString(), pytorch.toString(), "--tolerance-parameters", "1e-5",
                "--tolerance-loss", "1e-5");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("MISMATCH\n  final parameters: largest |diff| 1.000e-03 exceeds 1.0e-05"),
                run.out());
    }

    @Test
    void toleranceIsMeasuredFromTheNudgedPyTorchRun() throws IOException {
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of()));
        Path nudged = write("nudged.json", nudged(trace("mine", 1.0f + 1e-4f, 0.5f, Map.of())));
        Path close = write("close.json", trace("mine", 1.0f + 5e-4f, 0.5f, Map.of()));
        Path far = write("far.json", trace("mine", 1.0f + 2e-3f, 0.5f, Map.of()));
        CliRun match = CliRun.of("judge", close.toString(), pytorch.toString(), "--spread", nudged.toString());
        assertEquals(0, match.exitCode(), match.out() + match.err());
        assertTrue(match.out().contains("spread: " + nudged + " against " + pytorch + ": final parameters 1.000e-04"),
                match.out());
        assertTrue(match.out().contains("final parameters 1.0e-03"), "10 times the spread: " + match.out());
        CliRun mismatch = CliRun.of("judge", far.toString(), pytorch.toString(), "--spread", nudged.toString());
        assertEquals(1, mismatch.exitCode(), mismatch.out());
        CliRun tighter = CliRun.of("judge", close.toString(), pytorch.toString(), "--spread", nudged.toString(),
                "--spread-factor", "4");
        assertEquals(1, tighter.exitCode(), "4 times the spread is 4e-4: " + tighter.out());
        CliRun given = CliRun.of("judge", far.toString(), pytorch.toString(), "--spread", nudged.toString(),
                "--tolerance-parameters", "1e-2");
        assertEquals(0, given.exitCode(), "a given tolerance wins over the measured one: " + given.out());
        Path wider = write("wider.json", nudged(trace("mine", 1.0f + 3e-4f, 0.5f, Map.of())));
        CliRun both = CliRun.of("judge", far.toString(), pytorch.toString(), "--spread", nudged.toString(),
                "--spread", wider.toString());
        assertEquals(0, both.exitCode(), "the widest of two spreads counts, 3e-4: " + both.out());
        assertTrue(both.out().contains("spread: " + wider), both.out());
    }

    @Test
    void aSpreadBelowAnUlpCountsAsOneUlp() throws IOException {
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of()));
        Path nudged = write("nudged.json", nudged(trace("mine", 1.0f, Math.nextUp(0.5f), Map.of())));
        Path ulpAway = write("ulp.json", trace("mine", Math.nextUp(1.0f), 0.5f, Map.of()));
        Path far = write("far.json", trace("mine", 1.0f + 1e-5f, 0.5f, Map.of()));
        CliRun match = CliRun.of("judge", ulpAway.toString(), pytorch.toString(), "--spread", nudged.toString());
        assertEquals(0, match.exitCode(), match.out() + match.err());
        assertTrue(match.out().contains("final parameters 0.000e+00"), match.out());
        assertTrue(match.out().contains("tolerances: initial 1.0e-06, final parameters 2.4e-06"),
                "10 ulps of the largest final parameter, 2.0: " + match.out());
        CliRun mismatch = CliRun.of("judge", far.toString(), pytorch.toString(), "--spread", nudged.toString());
        assertEquals(1, mismatch.exitCode(), mismatch.out());
    }

    @Test
    void namedValuesMustBeEqualUnlessAToleranceIsGiven() throws IOException {
        Path java = write("java.json", trace("mine", 1.0f, 0.5f, Map.of("indices", vector(3, 9))));
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of("indices", vector(3, 8))));
        Path missing = write("missing.json", trace("mine", 1.0f, 0.5f, Map.of()));
        String[] tolerances = {"--tolerance-parameters", "0", "--tolerance-loss", "0"};
        CliRun differ = CliRun.of(concat(List.of("judge", java.toString(), pytorch.toString()), tolerances));
        assertEquals(1, differ.exitCode(), differ.out());
        assertTrue(differ.out().contains("value indices: 2 numbers, largest |diff| 1.000e+00"), differ.out());
        CliRun absent = CliRun.of(concat(List.of("judge", java.toString(), missing.toString()), tolerances));
        assertEquals(1, absent.exitCode(), absent.out());
        assertTrue(absent.out().contains("the two recorded different named values"), absent.out());
        CliRun allowed = CliRun.of(concat(List.of("judge", java.toString(), pytorch.toString(), "--tolerance-values",
                "1"), tolerances));
        assertEquals(0, allowed.exitCode(), allowed.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path pytorch = write("pytorch.json", trace("mine", 1.0f, 0.5f, Map.of()));
        Path other = write("other.json", trace("theirs", 1.0f, 0.5f, Map.of()));
        Path notATrace = Files.writeString(folder.resolve("notes.json"), "{\"program\": 1}");
        String p = pytorch.toString();
        assertBadInput(CliRun.of("judge", folder.resolve("absent.json").toString(), p, "--tolerance-parameters", "0",
                "--tolerance-loss", "0"), "absent.json: no such file");
        assertBadInput(CliRun.of("judge", notATrace.toString(), p, "--tolerance-parameters", "0", "--tolerance-loss",
                "0"), "is not a trace");
        assertBadInput(CliRun.of("judge", other.toString(), p, "--tolerance-parameters", "0", "--tolerance-loss", "0"),
                "are not runs of the same program, seed and step count: theirs seed 3");
        assertBadInput(CliRun.of("judge", p, p), "no tolerances: give --spread NUDGED.json");
        assertBadInput(CliRun.of("judge", p, p, "--spread", p), "is not a nudged run");
        assertBadInput(CliRun.of("judge", p, p, "--tolerance-parameters", "-1", "--tolerance-loss", "0"),
                "a tolerance is at least 0");
    }

    private static void assertBadInput(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(message), run.err());
        assertTrue(!run.err().contains("Exception") && !run.out().contains("MATCH"), run.err() + run.out());
    }

    private Path write(String name, Trace trace) throws IOException {
        return Files.writeString(folder.resolve(name), TraceJson.toJson(trace));
    }

    private static Trace trace(String program, float finalWeight, float loss, Map<String, Trace.NamedValue> values) {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("weight", new TensorValues(new long[] {1, 2}, new float[] {0.25f, -0.5f}));
        Map<String, TensorValues> last = new LinkedHashMap<>();
        last.put("weight", new TensorValues(new long[] {1, 2}, new float[] {finalWeight, 2f}));
        return new Trace(program, 3, 200, "test", Trace.noInputs(), initial, last,
                List.of(new Trace.PrintedLoss(99, 0.75f), new Trace.PrintedLoss(199, loss)), "done", 0,
                Optional.empty(), 0, List.of(), values);
    }

    /** The same run with its first initial weight an ulp up, as djlfit_trace.nudge leaves it. */
    private static Trace nudged(Trace t) {
        Map<String, TensorValues> initial = new LinkedHashMap<>();
        initial.put("weight", new TensorValues(new long[] {1, 2}, new float[] {Math.nextUp(0.25f), -0.5f}));
        return new Trace(t.program(), t.seed(), t.steps(), t.engine(), t.inputs(), initial, t.finalParameters(),
                t.losses(), t.result(), 0, Optional.empty(), 0, List.of(), t.values());
    }

    private static Trace.NamedValue vector(double... numbers) {
        return new Trace.NamedValue(new long[] {numbers.length}, numbers);
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
