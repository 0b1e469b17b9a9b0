package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code tutorial NAME}: what it prints, the trace it writes, and its one-line errors. */
class TutorialCommandTest {

    @Test
    void unknownNameIsOneLineListingTheNames() {
        CliRun run = CliRun.of("tutorial", "polynomial-numpy");
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains("unknown tutorial 'polynomial-numpy'"), lines.get(0));
        assertTrue(lines.get(0).contains("polynomial-nn") && lines.get(0).contains("dynamic-net"), lines.get(0));
    }

    @Test
    void printsTheOriginalsLinesThenTheExtrapolationAndWritesTheTrace(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("nn.json");
        CliRun run = CliRun.of("tutorial", "polynomial-nn", "--steps", "300", "--seed", "7", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("99 \\d+\\.\\d+"), lines.get(0));
        assertTrue(lines.get(1).startsWith("199 ") && lines.get(2).startsWith("299 "), run.out());
        assertTrue(lines.get(3).matches("Result: y = \\S+ \\+ \\S+ x \\+ \\S+ x\\^2 \\+ \\S+ x\\^3"), lines.get(3));
        assertTrue(run.out().contains("RMSE over pi < |x| <= 2 pi (extrapolation)"), run.out());

        Trace trace = TraceJson.read(json);
        assertEquals("polynomial-nn", trace.program());
        assertEquals(7, trace.seed());
        assertEquals(300, trace.steps());
        assertTrue(trace.engine().matches("DJL 0\\.33\\.0 / PyTorch 2\\.5\\.1"), trace.engine());
        assertEquals(2000, trace.inputs().size());
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(trace.finalParameters().keySet()));
        assertEquals(List.of(99, 199, 299), trace.losses().stream().map(Trace.PrintedLoss::step).toList());
        assertEquals(lines.get(3), trace.result());
        assertTrue(trace.losses().get(2).value() < trace.losses().get(0).value(), "the loss falls");
        double outside = trace.extrapolation().orElseThrow().outsideRmse();
        assertTrue(outside > 2 * trace.extrapolation().orElseThrow().insideRmse(), "a cubic leaves sin beyond pi: " + trace.extrapolation());
    }

    @Test
    void noReportPrintsOnlyTheOriginalsLines() {
        CliRun run = CliRun.of("tutorial", "polynomial-autograd", "--steps", "100", "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertEquals("Using cpu device", lines.get(0));
        assertTrue(lines.get(1).startsWith("99 "));
        assertTrue(lines.get(2).startsWith("Result: y = "));
    }

    @Test
    void inputsFromAnotherTraceAreTrainedOn(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        assertEquals(0, CliRun.of("tutorial", "polynomial-module", "--steps", "100", "--json", first.toString()).exitCode());
        Trace original = TraceJson.read(first);
        float[] x = original.inputs().x();
        float[] y = original.inputs().y();
        for (int i = 0; i < y.length; i++) {
            y[i] = 2 * y[i];
        }
        Trace doubled = new Trace(original.program(), 0, 100, original.engine(), new Trace.Inputs(x, y),
                original.initialParameters(), original.finalParameters(), original.losses(), original.result(), 0,
                java.util.Optional.empty());
        Path given = dir.resolve("doubled.json");
        Files.writeString(given, TraceJson.toJson(doubled));
        Path second = dir.resolve("second.json");
        assertEquals(0, CliRun.of("tutorial", "polynomial-module", "--steps", "100", "--inputs", given.toString(),
                "--json", second.toString()).exitCode());
        Trace trained = TraceJson.read(second);
        assertEquals(2 * original.inputs().y()[1500], trained.inputs().y()[1500]);
        assertFalse(trained.losses().get(0).value() == original.losses().get(0).value());
    }

    @Test
    void jsonInAFileIsRefusedBeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("tutorial", "dynamic-net", "--json", file.resolve("folder/t.json").toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out(), "nothing trained");
        assertTrue(run.err().contains("is a file, not a folder"), run.err());
    }

    @Test
    void jsonIsWrittenThroughALinkAndToTheStandardOutput(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        CliRun viaLink = CliRun.of("tutorial", "polynomial-nn", "--steps", "5", "--json", link.toString());
        assertEquals(0, viaLink.exitCode(), viaLink.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(5, TraceJson.read(real).steps());
        assertEquals(List.of("link.json", "real.json"), names(dir), "no temporary file left beside it");

        CliRun toStdout = CliRun.of("tutorial", "polynomial-nn", "--steps", "5", "--json", "-");
        assertEquals(0, toStdout.exitCode(), toStdout.err());
        Trace trace = TraceJson.parse(toStdout.out(), "stdout");
        assertEquals(5, trace.steps(), "stdout holds the trace alone");
        assertTrue(toStdout.err().contains("Result: y = "), "the printed lines went to stderr: " + toStdout.err());
    }

    @Test
    void jsonToAFolderIsRefusedBeforeTraining(@TempDir Path dir) {
        CliRun run = CliRun.of("tutorial", "polynomial-nn", "--steps", "5", "--json", dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out(), "nothing trained");
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void badInputsFileIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"program\": \"x\"}");
        CliRun run = CliRun.of("tutorial", "polynomial-nn", "--inputs", bad.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("is not a trace"), run.err());
        assertEquals(2, CliRun.of("tutorial", "polynomial-nn", "--inputs", dir.resolve("missing.json").toString())
                .exitCode());
    }
}
