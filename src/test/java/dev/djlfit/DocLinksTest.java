package dev.djlfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The docs' links cannot drift silently: they name files and symbols, never line numbers; every
 * file a link names exists; a link whose text is a symbol ({@code [Torch.manualSeed](../src/...
 * /Torch.java)}, {@code [MSELoss.Lazy.gradient](...)}, {@code [Net](...)}) points at that class's
 * file, which declares each member the text names; and the worked example's table in
 * docs/porting-guide.md quotes statements that {@code PolynomialNn.java} really contains.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z]\\w*(\\.\\w+)*");

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void noLinkNamesALineNumber() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches(".*#L\\d.*")) {
                    found.add(page + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), found, "name the file and the symbol, not a line (lines move)");
    }

    @Test
    void everyLinkedFileExistsAndEveryLinkedSymbolIsDeclaredThere() throws IOException {
        List<String> problems = new ArrayList<>();
        int symbols = 0;
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String text = m.group(1);
                String target = m.group(2);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address or an anchor on the same page
                }
                Path file = page.resolveSibling(target.replaceFirst("#.*$", "")).normalize();
                if (!Files.exists(file)) {
                    problems.add(page + ": [" + text + "] links to " + target + ", which does not exist");
                } else if (file.toString().endsWith(".java") && !text.endsWith(".java") && SYMBOL.matcher(text).matches()) {
                    symbols++;
                    String problem = undeclared(text, file);
                    if (problem != null) {
                        problems.add(page + ": [" + text + "](" + target + "): " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(symbols > 50, "only " + symbols + " symbol links found: the pattern no longer reads the docs");
    }

    @Test
    void theWorkedExamplesTableQuotesThePort() throws IOException {
        Path java = Path.of("src/main/java/dev/djlfit/tutorials/PolynomialNn.java");
        String source = Files.readString(java).replaceAll("\\s+", "");
        List<String> lines = Files.readAllLines(Path.of("docs/porting-guide.md"));
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).startsWith("| reference") && lines.get(i).contains("PolynomialNn.java")) {
                header = i;
            }
        }
        assertTrue(header >= 0, "the worked example's table is gone from docs/porting-guide.md");
        List<String> missing = new ArrayList<>();
        int quoted = 0;
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String port = lines.get(i).split("\\|")[2];
            Matcher code = Pattern.compile("`([^`]+)`").matcher(port);
            if (code.find()) { // the first quote of the cell is the Java statement
                quoted++;
                if (!source.contains(code.group(1).replaceAll("\\s+", ""))) {
                    missing.add("docs/porting-guide.md:" + (i + 1) + ": " + code.group(1));
                }
            }
        }
        assertEquals(List.of(), missing, "not in " + java);
        assertTrue(quoted >= 10, "only " + quoted + " statements quoted");
    }

    /** Why {@code text} (Class, Class.member, Class.Nested.member) is not declared in {@code file}, or null. */
    private static String undeclared(String text, Path file) throws IOException {
        String[] parts = text.split("\\.");
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        if (!parts[0].equals(name)) {
            return "the file holds " + name + ", not " + parts[0];
        }
        String source = Files.readString(file);
        for (int i = 1; i < parts.length; i++) {
            String member = Pattern.quote(parts[i]);
            boolean declared = Pattern.compile("\\b(class|record|enum|interface)\\s+" + member + "\\b").matcher(source).find()
                    || Pattern.compile("(?m)^\\s*(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)*"
                            + "(?:<[^>]+>\\s+)?(?!return\\b|new\\b|throw\\b)[\\w.<>\\[\\]?, ]+\\s+" + member + "\\s*\\(")
                            .matcher(source).find()
                    || parts[i].matches("[A-Z][A-Z0-9_]*") // an enum constant
                            && Pattern.compile("(?m)^\\s+" + member + "\\s*[({,;]").matcher(source).find()
                    || Pattern.compile("(?m)^\\s*(?:(?:public|protected|private|static|final)\\s+)+[\\w.<>\\[\\]?, ]+\\s+"
                            + member + "\\s*[=;]").matcher(source).find();
            if (!declared) {
                return parts[i] + " is not declared there";
            }
        }
        return null;
    }
}
