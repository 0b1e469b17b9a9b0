package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.SampleText;
import dev.djlfit.SampleText.Tolerance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample outputs that README.md and docs/ quote are what the commands print now, run here in
 * process from the page's own command line. Each page says how close: the runs are deterministic
 * on one machine, but libtorch picks its vector kernels by CPU (AVX-512, AVX2 or none), and those
 * sum in another order. Forcing each kernel set on one machine ({@code ATEN_CPU_CAPABILITY=avx2}
 * or {@code default}) moved the tutorial's and the saved net's digits by at most 5e-7 relative,
 * hence 1e-5 here. The walkthrough's sample is checked by {@code ArticleResultsTest}, which runs it.
 */
@Tag("slow") // four runs of 2000 to 20000 steps: seconds each on an idle machine, a minute under load
class DocSamplesTest {

    private static final Path README = Path.of("README.md");
    private static final String LAUNCHER = "java -jar target/djl-fit.jar ";
    /** The float32 digits that depend on the CPU's kernels: measured 5e-7 relative at most. */
    private static final Tolerance KERNEL_ROUNDING = Tolerance.relative(1e-5);

    @Test
    void readmesTutorialSampleIsWhatTheTutorialPrints() throws IOException {
        List<String> block = SampleText.block(README, "$ " + LAUNCHER + "tutorial");
        CliRun run = CliRun.of(block.get(0).substring(("$ " + LAUNCHER).length()).split(" "));
        assertEquals(0, run.exitCode(), run.err());
        SampleText.assertShows("README.md", block.subList(1, block.size()), run.out(), KERNEL_ROUNDING);
    }

    @Test
    void readmesPredictSampleIsWhatTheSavedNetPredicts(@TempDir Path dir) throws IOException {
        String readme = Files.readString(README);
        Matcher sample = Pattern.compile("`predict` prints one `x y` line per input \\(`([^`]+)`").matcher(readme);
        assertTrue(sample.find(), "README.md no longer quotes predict's output");
        List<String> train = launcherWords(README, "train --data docs/examples/points.csv");
        List<String> predict = launcherWords(README, "predict --from");
        Path model = dir.resolve(train.get(train.indexOf("--save") + 1));
        train.set(train.indexOf("--save") + 1, model.toString());
        train.addAll(List.of("--out", dir.resolve("plots").toString(), "--quiet"));
        assertEquals(0, CliRun.of(train.toArray(String[]::new)).exitCode());
        predict.set(predict.indexOf("--from") + 1, model.toString());
        CliRun run = CliRun.of(predict.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        SampleText.assertShows("README.md (predict)", List.of(sample.group(1)), run.out(), KERNEL_ROUNDING);
    }

    @Test
    void ownDataSampleIsTheSecondCommandsReport(@TempDir Path dir) throws IOException {
        Path page = Path.of("docs/own-data.md");
        List<String> block = SampleText.block(page, "extrapolation against the truth");
        List<String> second = new ArrayList<>(ShellWords.split(DocumentedCommand.in(Path.of(""), page).get(1).text()
                .substring(LAUNCHER.length())));
        second.addAll(List.of("--out", dir.toString(), "--quiet"));
        CliRun run = CliRun.of(second.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        SampleText.assertShows(page.toString(), block, run.out(), KERNEL_ROUNDING);
    }

    @Test
    void plotsSampleListsTheFilesTheSecondCommandWrites(@TempDir Path dir) throws IOException {
        Path page = Path.of("docs/plots.md");
        List<String> block = SampleText.block(page, "files written");
        List<String> words = launcherWords(page, "train --model deep");
        int out = words.indexOf("--out") + 1;
        String folder = words.get(out);
        words.set(out, dir.resolve(folder).toString());
        words.add("--quiet");
        CliRun run = CliRun.of(words.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String printed = run.out().replace(dir.toString() + "/", "");
        SampleText.assertShows(page.toString(), block, printed, Tolerance.EXACT);
    }

    @Test
    void traceFormatsSampleHasTheFieldsATraceHas(@TempDir Path dir) throws IOException {
        Path page = Path.of("docs/trace-format.md");
        List<String> block = SampleText.block(page, "{");
        List<String> sampleFields = new ArrayList<>();
        for (String line : block) {
            Matcher field = Pattern.compile("^  \"(\\w+)\":").matcher(line);
            if (field.find()) {
                sampleFields.add(field.group(1));
            }
        }
        Path trace = dir.resolve("trace.json");
        CliRun run = CliRun.of("tutorial", "polynomial-nn", "--seed", "7", "--steps", "200", "--json", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> fields = new ArrayList<>(com.google.gson.JsonParser.parseString(Files.readString(trace))
                .getAsJsonObject().keySet());
        assertEquals(fields, sampleFields, page + "'s sample trace against a trace the port writes");
    }

    /** The words after the launcher of the page's first {@code bash} command that starts with {@code start}. */
    private static List<String> launcherWords(Path page, String start) throws IOException {
        for (DocumentedCommand command : DocumentedCommand.in(Path.of(""), page)) {
            if (command.text().startsWith(LAUNCHER + start)) {
                return new ArrayList<>(ShellWords.split(command.text().substring(LAUNCHER.length())));
            }
        }
        throw new AssertionError(page + " has no command " + LAUNCHER + start);
    }
}
