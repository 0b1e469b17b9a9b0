package dev.djlfit.cli;

import dev.djlfit.plots.Charts;
import dev.djlfit.terminal.PngAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train and sweep commands end by writing their files and listing them. */
class PlotsAndSweepCommandTest {

    private record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The files a run lists after its "files written (n):" line. */
    private static List<Path> listedFiles(Run run) {
        List<String> lines = run.lines();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("files written (")) {
                header = i;
            }
        }
        assertTrue(header >= 0, "a files-written list ends the output:\n" + run.out());
        return lines.subList(header + 1, lines.size()).stream().map(l -> Path.of(l.strip())).toList();
    }

    @Test
    void trainWritesItsTwoPlotsIntoOutAndListsThemLast(@TempDir Path dir) throws IOException {
        Run run = run("train", "--model", "tanh", "--steps", "300", "--out", dir.toString(), "--quiet");

        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(dir.resolve("tanh-quadratic-tanh-h10-seed0-300steps-fit.png"),
                dir.resolve("tanh-quadratic-tanh-h10-seed0-300steps-loss.png")), listedFiles(run));
        for (Path png : listedFiles(run)) {
            PngAssertions.assertChartPng(png);
        }
        assertFalse(run.err().contains("progress"), "--quiet: no progress on stderr");
    }

    @Test
    void trainWithoutQuietReportsProgressOnStderrNotStdout(@TempDir Path dir) {
        Run run = run("train", "--model", "linear", "--data", "linear", "--steps", "300", "--out", dir.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("progress linear-linear: 300/300 steps (100%)"), run.err());
        assertFalse(run.out().contains("progress "), "progress stays off stdout");
    }

    @Tag("slow")
    @Test
    void sweepPrintsTheTableAndWritesCsvMarkdownAndAFanPerConfiguration(@TempDir Path dir) throws IOException {
        Run run = run("sweep", "--seeds", "3", "--activations", "tanh,relu", "--hidden", "10", "--depths", "2",
                "--steps", "1500", "--out", dir.toString(), "--quiet", "--compare-one-by-one");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("sweep on the quadratic data (truth y = 3x^2 + 2x + 1, so y(2.5) = 24.75,"
                + " y(10) = 321)"), run.out());
        String tanhRow = run.lines().stream().filter(l -> l.startsWith("tanh-h10-d2 ")).findFirst().orElseThrow();
        assertTrue(tanhRow.matches("tanh-h10-d2\\s+3/3\\s+.*"), "seeds 0-2 of the article's tanh net fit in 1500 steps: "
                + tanhRow);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("relu-h10-d2 ")), run.out());
        assertTrue(run.out().contains("batched vs one by one: the same 6 nets"), run.out());
        assertTrue(run.out().contains("nets whose fit verdict differs: 0"), run.out());

        List<Path> files = listedFiles(run);
        assertEquals(List.of(
                dir.resolve("sweep-quadratic.csv"),
                dir.resolve("sweep-quadratic.md"),
                dir.resolve("sweep-quadratic-seeds.csv"),
                dir.resolve("sweep-quadratic-tanh-h10-d2-fan.png"),
                dir.resolve("sweep-quadratic-relu-h10-d2-fan.png")), files);

        List<String> csv = Files.readAllLines(files.get(0));
        assertEquals(3, csv.size(), "header and one row per configuration");
        assertTrue(csv.get(0).startsWith("data,activation,hidden,depth,seeds,fitted,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("quadratic,tanh,10,2,3,3,1500,0.01,"), csv.get(1));
        String markdown = Files.readString(files.get(1));
        assertTrue(markdown.contains("| configuration | fit |"), markdown);
        assertTrue(markdown.contains("| tanh-h10-d2 | 3/3 |"), markdown);
        assertEquals(1 + 6, Files.readAllLines(files.get(2)).size(), "one row per net");

        BufferedImage fan = PngAssertions.assertChartPng(files.get(3));
        assertTrue(PngAssertions.bluish(fan) > 1000, "the fitted nets' fan is drawn (translucent blue)");
        PngAssertions.assertChartPng(files.get(4));
    }

    @Test
    void sweepScoresAtTheProbesAndRangesItIsGivenForACsv(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("points.csv"), "x,y\n0,1\n1,6\n2,17\n3,34\n");
        Run run = run("sweep", "--data", csv.toString(), "--truth", "3*x^2 + 2*x + 1", "--probes", "1,5",
                "--interpolation", "0:2", "--extrapolation", "2:6", "--seeds", "2", "--activations", "tanh",
                "--hidden", "10", "--depths", "2", "--steps", "300", "--out", dir.resolve("out").toString(), "--quiet");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("so y(1) = 6, y(5) = 86)"), run.out());
        assertTrue(run.out().contains("over 0 ≤ x ≤ 2 (interpolation) and 2 < x ≤ 6 (extrapolation)"), run.out());
        String header = run.lines().stream().filter(l -> l.startsWith("configuration ")).findFirst().orElseThrow();
        assertTrue(header.matches("configuration\\s+fit\\s+y\\(1\\)\\s+y\\(5\\)\\s+RMSE 0..2\\s+RMSE 2..6\\s+net-steps/s"),
                header);
        assertFalse(run.out().contains("y(2.5)") || run.out().contains("y(10)"), run.out());

        List<String> seeds = Files.readAllLines(dir.resolve("out").resolve("sweep-points-seeds.csv"));
        assertEquals("activation,hidden,depth,seed,final_loss,fitted,y1,y5,interpolation_rmse,extrapolation_rmse",
                seeds.get(0));
        // a net's prediction at x = 1 after 300 steps is near the point (1, 6), nothing like y(2.5)
        double y1 = Double.parseDouble(seeds.get(1).split(",")[6]);
        assertTrue(Math.abs(y1 - 6) < 3, seeds.get(1));
    }

    @Tag("slow")
    @Test
    void theSweepTableFitsAHundredColumns(@TempDir Path dir) {
        Run run = run("sweep", "--seeds", "3", "--activations", "sigmoid", "--hidden", "50", "--depths", "3",
                "--steps", "200", "--out", dir.toString(), "--quiet");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.lines();
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("sweep on ")).findFirst().orElseThrow());
        int to = lines.indexOf(lines.stream().filter(l -> l.startsWith("sweep wall time ")).findFirst().orElseThrow());
        List<String> table = lines.subList(from, to + 1);
        assertTrue(table.stream().anyMatch(l -> l.startsWith("sigmoid-h50-d3 ")), run.out());
        for (String line : table) {
            assertTrue(line.length() <= 100, line.length() + " columns: " + line);
        }
    }

    @Test
    void badSweepInputIsOneLineAndExitCodeTwo() {
        for (String[] args : List.of(
                new String[] {"sweep", "--seeds", "0"},
                new String[] {"sweep", "--depths", "1"},
                new String[] {"sweep", "--hidden", "10,-2"},
                new String[] {"sweep", "--activations", "tanh,swish"},
                new String[] {"sweep", "--fit-threshold", "0"})) {
            Run run = run(args);
            assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
        }
    }

    @Test
    void anOutFolderThatCannotBeCreatedIsRefusedBeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Run run = run("train", "--steps", "100000", "--out", file.resolve("plots").toString());

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("error: --out "), run.err());
        assertEquals("", run.out(), "refused before anything ran");
    }
}
