package dev.djlfit.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a notebook's code cells, in order, in one in-process JShell with the test classpath: what
 * the Java kernel does, minus the kernel. Magic lines ({@code %jar}, {@code %classpath}) are
 * skipped, since the test classpath already holds the project and its dependencies; a cell that
 * is a cell magic ({@code %%...}) is skipped whole. The kernel's {@code display(Object)} (rapaio's
 * {@code Global.display}, statically imported in every kernel session) is stood in for by a method
 * that accepts only an image with pixels and prints one line for it.
 */
final class NotebookShell {

    /** One thing that went wrong: which cell (0-based, counting every cell), and what. */
    record Problem(int cell, String snippet, String message) {
        @Override
        public String toString() {
            return "cell " + cell + ": " + message + "\n    in: " + snippet.strip().lines().findFirst().orElse("");
        }
    }

    /** The source of each cell, code cells only, as (index in the notebook, source). */
    record CodeCell(int index, String source) {}

    /** The kernel's {@code display(Object)}, as far as the notebooks use it: showing an image. */
    static final String DISPLAY_STAND_IN = """
            String display(Object value) {
                if (!(value instanceof java.awt.image.RenderedImage image) || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw new IllegalArgumentException("display: expected an image with pixels, got " + value);
                }
                System.out.println("[display: image " + image.getWidth() + "x" + image.getHeight() + "]");
                return "display-stand-in";
            }
            """;

    private NotebookShell() {}

    static List<CodeCell> codeCells(String notebookJson) {
        JsonArray cells = JsonParser.parseString(notebookJson).getAsJsonObject().getAsJsonArray("cells");
        List<CodeCell> code = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                code.add(new CodeCell(i, source(cell.get("source"))));
            }
        }
        return code;
    }

    /** nbformat stores a cell's source as one string or as a list of lines. */
    private static String source(JsonElement source) {
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    static String withoutMagics(String source) {
        if (source.stripLeading().startsWith("%%")) {
            return "";
        }
        return source.lines()
                .filter(line -> !line.stripLeading().startsWith("%"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Evaluates every code cell and returns the problems: a snippet that does not compile, one
     * that depends on something undefined, one that throws, or a cell left incomplete. Stops at
     * the first cell with a problem, as a kernel run would. What the cells print goes to
     * {@code output}.
     */
    static List<Problem> run(String notebookJson, String classpath, PrintStream output) {
        List<Problem> problems = new ArrayList<>();
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .out(output)
                .err(output)
                .build()) {
            shell.addToClasspath(classpath);
            evaluate(shell, new CodeCell(-1, DISPLAY_STAND_IN), problems);
            for (CodeCell cell : codeCells(notebookJson)) {
                evaluate(shell, cell, problems);
                if (!problems.isEmpty()) {
                    break;
                }
            }
        }
        return problems;
    }

    private static void evaluate(JShell shell, CodeCell cell, List<Problem> problems) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = withoutMagics(cell.source());
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                problems.add(new Problem(cell.index(), remaining, "incomplete source (" + info.completeness() + ")"));
                return;
            }
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                String problem = problem(shell, event);
                if (problem != null) {
                    problems.add(new Problem(cell.index(), info.source(), problem));
                    return;
                }
            }
            remaining = info.remaining();
        }
    }

    private static String problem(JShell shell, SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (event.exception() != null) {
            String type = event.exception() instanceof EvalException e
                    ? e.getExceptionClassName()
                    : event.exception().getClass().getName();
            return "threw " + type + ": " + event.exception().getMessage();
        }
        switch (event.status()) {
            case REJECTED:
                return "rejected: " + shell.diagnostics(snippet)
                        .map(d -> d.getMessage(null))
                        .collect(Collectors.joining("; "));
            case RECOVERABLE_DEFINED:
            case RECOVERABLE_NOT_DEFINED:
                return "unresolved: " + (snippet instanceof DeclarationSnippet d
                        ? String.join(", ", shell.unresolvedDependencies(d).toList())
                        : "?");
            default:
                return null;
        }
    }

    /** A buffer for a run's output, so a failure can show what the cells printed before it. */
    static final class Capture {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
