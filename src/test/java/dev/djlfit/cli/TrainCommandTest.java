package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class TrainCommandTest {

    @Test
    void printsWhatTheArticlePrintsInItsOrder() {
        CliRun run = CliRun.of("train", "--data", "linear", "--model", "linear", "--steps", "1500", "--seed", "0");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        String[] inOrder = {
            "data = [[0, 1], [1, 3], [2, 5], [3, 7]]",
            "initial parameters",
            "Parameter containing:\ntensor([[-0.0075],",
            "initial prediction tensor([1.]) tensor([",
            "training: 1500 steps",
            "final parameters",
            "final prediction tensor([[0.],\n        [1.],\n        [2.],\n        [3.]]) tensor([[1.0000],\n"
                    + "        [3.0000],\n        [5.0000],\n        [7.0000]], grad_fn=<AddmmBackward0>)",
            "new prediction tensor([[ 2.5000],\n        [10.0000]]) tensor([[ 6.0000],\n        [21.0000]], grad_fn=<AddmmBackward0>)",
            "equivalent line: y = 2.0000x + 1.0000",
            "RMSE over 0 ≤ x ≤ 3 (interpolation): 0.0000",
        };
        int from = 0;
        for (String expected : inOrder) {
            int at = out.indexOf(expected, from);
            assertTrue(at >= 0, "missing (in order): " + expected + "\n--- output ---\n" + out);
            from = at + expected.length();
        }
    }

    @Test
    void twoTracesOfTheSameRunAreJudgedAMatch(@TempDir Path folder) throws Exception {
        Path first = folder.resolve("first.json");
        Path second = folder.resolve("again").resolve("second.json");
        String printed = "";
        for (Path trace : List.of(first, second)) {
            CliRun run = CliRun.of("train", "--model", "linear", "--data", "quadratic", "--steps", "1000", "-q",
                    "--out", folder.resolve("plots").toString(), "--json", trace.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("wrote " + trace), run.out());
            printed = run.out();
        }
        String inside = rmse(printed, "interpolation");
        String outside = rmse(printed, "extrapolation");

        Trace trace = TraceJson.read(first, "first");
        assertEquals("linear-quadratic", trace.program());
        assertEquals(1000, trace.steps());
        assertEquals(List.of(0, 999), trace.losses().stream().map(Trace.PrintedLoss::step).toList());
        assertEquals("Result: y(2.5) = 25.5000, y(10) = 108.0000", trace.result());
        ExtrapolationSummary e = trace.extrapolation().orElseThrow();
        assertEquals(321, e.probes().get(1).truth());
        assertEquals("3 < x <= 10", e.outside());

        CliRun judge = CliRun.of("judge", first.toString(), second.toString(), "--tolerance-parameters", "0",
                "--tolerance-loss", "0");
        assertEquals(0, judge.exitCode(), judge.out() + judge.err());
        assertTrue(judge.out().contains("extrapolation (RMSE against y = 3x^2 + 2x + 1; inside 0 <= x <= 3,"
                + " outside 3 < x <= 10): Java " + inside + " inside, " + outside + " outside; PyTorch " + inside
                + " inside, " + outside + " outside"), "the numbers train printed: " + judge.out() + printed);
        assertTrue(judge.out().strip().endsWith("MATCH"), judge.out());
    }

    /** {@code 2.5108} from train's {@code RMSE over 0 ≤ x ≤ 3 (interpolation): 2.5108}. */
    private static String rmse(String printed, String which) {
        return printed.lines().filter(l -> l.contains("(" + which + "): ")).findFirst()
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).orElseThrow(() -> new AssertionError(printed));
    }

    @Test
    void aJsonFileThatCannotBeWrittenIsOneLineBeforeTraining(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "mine").resolve("run.json");
        CliRun run = CliRun.of("train", "--steps", "100000", "--out", folder.resolve("plots").toString(),
                "--json", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: --json " + file), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.out().contains("initial parameters"), run.out());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        assertFalse(Files.exists(folder.resolve("plots")), "nothing made");
    }

    @Test
    void theWalkthroughWritesOneTracePerExperiment(@TempDir Path folder) throws Exception {
        Path traces = folder.resolve("traces");
        CliRun run = CliRun.of("walkthrough", "--steps", "200", "-q", "--out", folder.resolve("plots").toString(),
                "--trace", traces.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (var files = Files.list(traces)) {
            assertEquals(List.of("deep-quadratic.json", "linear-linear.json", "linear-quadratic.json",
                    "tanh-quadratic.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        Trace tanh = TraceJson.read(traces.resolve("tanh-quadratic.json"), "tanh");
        assertEquals(200, tanh.steps());
        assertTrue(tanh.extrapolation().isPresent());
    }

    @Test
    void theDeepNetSaysHowTheArticlesShapeBugWasFixed() {
        CliRun run = CliRun.of("train", "--model", "deep", "--steps", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("l2 = Linear(10, 10)"), run.out());
        assertTrue(run.out().contains("Parameter containing:\ntensor([[-0.0075],"), run.out());
    }
}
