package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.djlfit.article.report.ExperimentPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What {@link Article#post} prints: the post's print lines, the walkthrough's numbers. */
class ArticleTest {

    private static final String ROW_BREAK = "\n        ";

    private static List<String> runs(TrainingSettings config) {
        StringWriter text = new StringWriter();
        Article.post(new PrintWriter(text), config);
        List<String> runs = List.of(text.toString().split("\n\n"));
        assertEquals(Article.EXPERIMENTS.size(), runs.size(), text.toString());
        return runs;
    }

    /** The walkthrough's lines for one experiment, up to the new prediction, less its own additions. */
    private static String walkthroughsPrints(ExperimentResult result) {
        StringWriter text = new StringWriter();
        new ExperimentPrinter(new PrintWriter(text, true)).print(result);
        List<String> kept = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            if (line.startsWith("equivalent line:") || line.startsWith("extrapolation")) {
                break;
            }
            if (!line.startsWith("note:") && !line.startsWith("training:")) {
                kept.add(line.replaceFirst("^data = ", ""));
            }
        }
        return String.join("\n", kept);
    }

    @Test
    void printsWhatTheWalkthroughPrintsForEachExperimentFromTheSameSeed() {
        TrainingSettings config = new TrainingSettings(300, 0.01f, 3, 100);
        List<String> runs = runs(config);
        List<ExperimentSpec> specs = Experiments.article();
        ExperimentRunner runner = new ExperimentRunner(Device.cpu());
        for (int i = 0; i < specs.size(); i++) {
            String walkthrough = walkthroughsPrints(runner.run(specs.get(i), config, TrainingObserver.NONE));
            assertEquals(walkthrough, runs.get(i).strip(), specs.get(i).name());
        }
    }

    @Test
    void eachRunPrintsThePostsLinesInThePostsOrder() {
        List<String> runs = runs(new TrainingSettings(10, 0.01f, 0, 10));
        assertTrue(runs.get(0).startsWith("[[0, 1], [1, 3], [2, 5], [3, 7]]\ninitial parameters\nParameter containing:\n"));
        assertTrue(runs.get(1).startsWith("[[0, 1], [1, 6], [2, 17], [3, 34]]\ninitial parameters\n"));
        int[] parameters = {4, 4, 4, 6};
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            assertEquals(2 * parameters[i], count(run, "Parameter containing:"), run);
            assertTrue(run.contains("\ninitial prediction tensor([1.]) tensor(["), run);
            assertTrue(run.contains("grad_fn=<AddBackward0>)\nfinal parameters\n"), run);
            assertTrue(run.contains("\nfinal prediction tensor([[0.]," + ROW_BREAK + "[1.]," + ROW_BREAK + "[2.],"
                    + ROW_BREAK + "[3.]]) tensor([["), run);
            assertTrue(run.contains("\nnew prediction tensor([[ 2.5000]," + ROW_BREAK + "[10.0000]]) tensor([["), run);
            assertTrue(run.endsWith("]], grad_fn=<AddmmBackward0>)"), run);
        }
    }

    /**
     * At the post's 100000 steps: its printed predictions (the post's {@code AddmmBackward} is
     * {@code AddmmBackward0} since PyTorch 1.10), and for the tanh and deep nets, whose digits at
     * x = 10 depend on the seed and the CPU, the walkthrough's y(10) = 38.7463 within 1e-4 and
     * 34.5643 within 5% (README.md: the chaotic experiments' digits).
     */
    @Test
    @Tag("slow")
    void atTheArticlesStepsPrintsThePostsPredictions() {
        List<String> runs = runs(TrainingSettings.article());
        assertTrue(runs.get(0).endsWith("final prediction tensor([[0.]," + ROW_BREAK + "[1.]," + ROW_BREAK + "[2.],"
                + ROW_BREAK + "[3.]]) tensor([[1.0000]," + ROW_BREAK + "[3.0000]," + ROW_BREAK + "[5.0000],"
                + ROW_BREAK + "[7.0000]], grad_fn=<AddmmBackward0>)\nnew prediction tensor([[ 2.5000],"
                + ROW_BREAK + "[10.0000]]) tensor([[ 6.0000]," + ROW_BREAK + "[21.0000]], grad_fn=<AddmmBackward0>)"),
                runs.get(0));
        assertTrue(runs.get(1).contains("tensor([[-2.0000]," + ROW_BREAK + "[ 9.0000]," + ROW_BREAK + "[20.0000],"
                + ROW_BREAK + "[31.0000]], grad_fn=<AddmmBackward0>)\nnew prediction tensor([[ 2.5000],"
                + ROW_BREAK + "[10.0000]]) tensor([[ 25.5000]," + ROW_BREAK + "[108.0000]], grad_fn=<AddmmBackward0>)"),
                runs.get(1));
        assertTrue(runs.get(2).contains("tensor([[ 1.0000]," + ROW_BREAK + "[ 6.0000]," + ROW_BREAK + "[17.0000],"
                + ROW_BREAK + "[34.0000]], grad_fn=<AddmmBackward0>)\nnew prediction"), runs.get(2));
        // the post prints nothing for the deep net; the walkthrough's deep net ends within 1e-4 of the points
        double[] deep = printedValues(runs.get(3), "final prediction");
        double[] quadratic = {1, 6, 17, 34};
        for (int i = 0; i < quadratic.length; i++) {
            assertEquals(quadratic[i], deep[4 + i], 1e-3, runs.get(3));
        }
        assertEquals(38.7463, newPrediction(runs.get(2))[1], 38.7463 * 1e-4);
        assertEquals(34.5643, newPrediction(runs.get(3))[1], 34.5643 * 0.05);
    }

    /** docs/parity.md's table quotes statements that Article.java really contains. */
    @Test
    void theDocsTableQuotesArticleJava() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/djlfit/article/Article.java")).replaceAll("\\s+", "");
        List<String> missing = new ArrayList<>();
        int quoted = 0;
        for (String row : Files.readAllLines(Path.of("docs/parity.md"))) {
            String[] cells = row.split("\\|");
            if (cells.length < 4 || !cells[3].contains("article/Article.java")) {
                continue;
            }
            Matcher code = Pattern.compile("`([^`]+;)`").matcher(cells[2]);
            while (code.find()) {
                quoted++;
                if (!source.contains(code.group(1).replaceAll("\\s+", ""))) {
                    missing.add(code.group(1));
                }
            }
        }
        assertEquals(List.of(), missing, "quoted in docs/parity.md, not in Article.java");
        assertTrue(quoted >= 15, "only " + quoted + " statements quoted");
    }

    private static double[] newPrediction(String run) {
        double[] xy = printedValues(run, "new prediction");
        return new double[] {xy[2], xy[3]};
    }

    /** The numbers of the line printed after {@code label}: x's, then y's. */
    private static double[] printedValues(String run, String label) {
        String printed = run.substring(run.indexOf(label));
        printed = printed.substring(0, printed.indexOf(")", printed.indexOf("grad_fn")));
        Matcher number = Pattern.compile("-?\\d+\\.\\d*").matcher(printed.replace("Backward0", ""));
        List<Double> values = new ArrayList<>();
        while (number.find()) {
            values.add(Double.parseDouble(number.group()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
