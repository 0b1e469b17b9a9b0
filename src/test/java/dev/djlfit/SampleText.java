package dev.djlfit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample output quoted in the docs, checked against a real run's output. The sample's lines
 * must appear in the output in order, the first anywhere; a line {@code ...} stands for any number
 * of lines, and lines not parted by one must follow each other. Within a
 * line, the text between numbers must be equal (runs of blanks count as one), and each number must be the same string or be
 * accepted by a {@link Tolerance} (the page says which).
 */
public final class SampleText {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?");

    /** Whether {@code actual} may stand where the sample has {@code expected}: the n-th number of the line. */
    @FunctionalInterface
    public interface Tolerance {
        boolean accepts(String sampleLine, int index, double expected, double actual);

        /** Equal strings only: for runs that are deterministic everywhere. */
        Tolerance EXACT = (line, index, expected, actual) -> false;

        static Tolerance relative(double bound) {
            return (line, index, expected, actual) -> Math.abs(actual - expected) <= bound * Math.abs(expected);
        }
    }

    private SampleText() {}

    /** The lines of the fenced block of {@code page} whose first line starts with {@code firstLine}. */
    public static List<String> block(Path page, String firstLine) throws IOException {
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("```") && lines.get(i + 1).startsWith(firstLine)) {
                List<String> block = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    block.add(lines.get(j));
                }
                return block;
            }
        }
        throw new AssertionError(page + " has no fenced block that starts with " + firstLine);
    }

    /** Fails, naming the first sample line not found, unless {@code actual} shows the sample. */
    public static void assertShows(String where, List<String> sample, String actual, Tolerance tolerance) {
        List<String> out = actual.lines().toList();
        int at = 0;
        boolean gap = true; // a sample is an excerpt: its first line may come anywhere
        int i = 0;
        while (i < sample.size()) {
            if (sample.get(i).strip().equals("...")) {
                gap = true;
                i++;
                continue;
            }
            int end = i;
            while (end < sample.size() && !sample.get(end).strip().equals("...")) {
                end++;
            }
            List<String> segment = sample.subList(i, end);
            int found = -1;
            for (int start = at; start + segment.size() <= out.size() && found < 0; start++) {
                if (segmentAt(segment, out, start, tolerance)) {
                    found = start;
                }
                if (!gap) {
                    break;
                }
            }
            if (found < 0) {
                fail(where + ": the run does not show the sample's lines from \"" + segment.get(0) + "\""
                        + (gap ? "" : " at line " + (at + 1) + " of its output") + "; first difference: "
                        + firstDifference(segment, out, at, tolerance) + "\n--- the run printed ---\n" + actual);
            }
            at = found + segment.size();
            gap = false;
            i = end;
        }
    }

    private static boolean segmentAt(List<String> segment, List<String> out, int start, Tolerance tolerance) {
        for (int k = 0; k < segment.size(); k++) {
            if (!lineMatches(segment.get(k), out.get(start + k), tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static String firstDifference(List<String> segment, List<String> out, int from, Tolerance tolerance) {
        for (String line : segment) {
            boolean seen = out.subList(Math.min(from, out.size()), out.size()).stream()
                    .anyMatch(o -> lineMatches(line, o, tolerance));
            if (!seen) {
                return "no line like \"" + line + "\"";
            }
        }
        return "the lines are there, but not in this order";
    }

    /** How many numbers the line holds, as this class reads them. */
    public static int numberCount(String line) {
        return (int) NUMBER.matcher(line).results().count();
    }

    /** Same text between the numbers; each number the same string or within the tolerance. */
    public static boolean lineMatches(String sampleLine, String actualLine, Tolerance tolerance) {
        Matcher s = NUMBER.matcher(sampleLine);
        Matcher a = NUMBER.matcher(actualLine);
        int sEnd = 0;
        int aEnd = 0;
        int index = 0;
        while (s.find()) {
            if (!a.find()) {
                return false;
            }
            if (!spaced(sampleLine.substring(sEnd, s.start())).equals(spaced(actualLine.substring(aEnd, a.start())))) {
                return false;
            }
            if (!s.group().equals(a.group()) && !tolerance.accepts(sampleLine, index,
                    Double.parseDouble(s.group()), Double.parseDouble(a.group()))) {
                return false;
            }
            sEnd = s.end();
            aEnd = a.end();
            index++;
        }
        return !a.find() && spaced(sampleLine.substring(sEnd)).equals(spaced(actualLine.substring(aEnd)));
    }

    /** Runs of blanks as one: a number one digit wider moves a table's columns. */
    private static String spaced(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
