package dev.djlfit.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every notebook's code cells compile and run, in order, in an in-process JShell, at 1500 steps
 * per training. A fast guard for the unit tests; the real check is
 * {@code notebooks/run-notebooks.sh}, which executes them in the Java kernel.
 */
@Tag("slow")
class NotebookCellsTest {

    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final String STEPS_PROPERTY = "djlfit.notebook.steps";
    /** Enough for most of notebook 3's nets to fit, so its tables of fitted runs are not empty. */
    private static final String TEST_STEPS = "1500";
    /** The notebooks write their plots relative to notebooks/ unless told; here, under target/. */
    private static final String PLOTS_PROPERTY = "djlfit.notebook.plots";
    private static final String TEST_PLOTS = "target/notebook-cells-test/plots";

    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(found.isEmpty(), "no notebooks in " + NOTEBOOKS.toAbsolutePath());
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void everyCodeCellRuns(Path notebook) throws IOException {
        String json = Files.readString(notebook);
        assertFalse(NotebookShell.codeCells(json).isEmpty(), notebook + " has no code cells");
        // The cells set system properties (DJL's log level); they must not leak into other tests.
        Properties saved = (Properties) System.getProperties().clone();
        System.setProperty(STEPS_PROPERTY, TEST_STEPS);
        System.setProperty(PLOTS_PROPERTY, TEST_PLOTS);
        NotebookShell.Capture output = new NotebookShell.Capture();
        PrintStream stdout = System.out;
        List<NotebookShell.Problem> problems;
        try {
            // Snippets run in this JVM and print to System.out: keep it for the failure message.
            System.setOut(output.stream);
            problems = NotebookShell.run(json, classpath(), output.stream);
        } finally {
            System.setOut(stdout);
            System.setProperties(saved);
        }
        if (!problems.isEmpty()) {
            fail(notebook + ": " + problems.get(0) + "\n--- what the cells printed before it:\n" + tail(output.text()));
        }
    }

    @Test
    void aCellThatThrowsIsReportedWithItsIndex() {
        List<NotebookShell.Problem> problems = run(notebook(
                "int a = 1;",
                "Integer.parseInt(\"not a number\");",
                "int b = 2;"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(1, problems.get(0).cell());
        assertTrue(problems.get(0).message().contains("NumberFormatException"), problems.get(0).message());
    }

    @Test
    void aCellThatDoesNotCompileIsReported() {
        List<NotebookShell.Problem> problems = run(notebook("int a = \"text\";"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("rejected"), problems.get(0).message());
    }

    @Test
    void aMethodThatUsesSomethingUndefinedIsReported() {
        List<NotebookShell.Problem> problems = run(notebook("double twice() { return 2 * notDefinedAnywhere; }"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("notDefinedAnywhere"), problems.get(0).message());
    }

    @Test
    void displayAcceptsAnImageAndRejectsAnythingElse() {
        assertEquals(List.of(), run(notebook(
                "display(new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));")));
        List<NotebookShell.Problem> problems = run(notebook("display(\"not an image\");"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("expected an image"), problems.get(0).message());
    }

    @Test
    void magicLinesAreSkippedAndTheProjectIsOnTheClasspath() {
        List<NotebookShell.Problem> problems = run(notebook(
                "%jar ../target/dependency\n%classpath ../target/classes",
                "%%bash\nexit 1",
                "import dev.djlfit.article.data.ArticleData;\n"
                        + "if (!ArticleData.LINEAR.dataset().toArticleString().equals(\"[[0, 1], [1, 3], [2, 5], [3, 7]]\"))"
                        + " throw new AssertionError();"));
        assertEquals(List.of(), problems);
    }

    private static List<NotebookShell.Problem> run(String json) {
        return NotebookShell.run(json, classpath(), new NotebookShell.Capture().stream);
    }

    /** A notebook with one code cell per source. */
    private static String notebook(String... sources) {
        JsonArray cells = new JsonArray();
        for (String source : sources) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("source", source);
            cells.add(cell);
        }
        JsonObject notebook = new JsonObject();
        notebook.add("cells", cells);
        return notebook.toString();
    }

    /** Surefire runs tests from a manifest-only jar; it names the real classpath in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
