package dev.djlfit.article.data;

import dev.djlfit.extrapolation.Truth;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads training points from a CSV file: two columns, x then y, one point a line.
 *
 * <ul>
 *   <li>the separator is a comma or a semicolon, or a tab (the first data line decides; with
 *       semicolons a decimal comma such as {@code 2,5} is read as 2.5); cells may be quoted;
 *   <li>an optional header line (its cells are not numbers, e.g. {@code x,y});
 *   <li>blank lines and {@code #} comments (whole lines, or the rest of a line) are skipped;
 *   <li>any number of rows the memory holds.
 * </ul>
 *
 * Anything else is refused with a message that names the file and line.
 */
public final class CsvData {

    /** Longer than this is no line of two numbers: a file without line breaks, or not a CSV file. */
    static final int MAX_LINE = 1 << 16;
    /**
     * The shortest row ("1,2" and a line break), and what each row costs while reading: x, y,
     * their final copies and the data set's own.
     */
    private static final int SHORTEST_ROW = 4;
    private static final int BYTES_PER_ROW = 32;

    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+([eE][+-]?\\d+)?");

    private CsvData() {}

    public static DataPoints read(Path file) {
        return read(file, null);
    }

    /**
     * @param truthOrNull the function the points come from, where the user knows it
     */
    public static DataPoints read(Path file, Truth truthOrNull) {
        String shown = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidDataException("data file " + shown + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidDataException("data file " + shown + " is a directory, not a CSV file");
        }
        Points points = new Points(rowsAtMost(file, shown), shown);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new LineLengthLimit(
                new InputStreamReader(Files.newInputStream(file), decoder), MAX_LINE))) {
            parse(reader, shown, points);
        } catch (LineLengthLimit.TooLongException e) {
            throw new InvalidDataException("data file " + shown + " line " + e.line + " is longer than " + MAX_LINE
                    + " characters; a CSV row is two numbers (is this a CSV file?)", e);
        } catch (CharacterCodingException e) {
            throw new InvalidDataException("data file " + shown + " is not a text file (not UTF-8)", e);
        } catch (AccessDeniedException e) {
            throw new InvalidDataException("cannot read data file " + shown + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("data file " + shown + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read data file " + shown + ": " + e.getMessage(), e);
        }
        if (points.lines == 0) {
            throw new InvalidDataException("data file " + shown + " is empty");
        }
        if (points.size == 0) {
            throw new InvalidDataException("data file " + shown + " has no data rows"
                    + (points.header ? " (only a header)" : " (only blank lines and comments)"));
        }
        float[] x = Arrays.copyOf(points.x, points.size);
        float[] y = Arrays.copyOf(points.y, points.size);
        DataChecks.requireFittable(x, "data file " + shown);
        return new DataPoints(nameOf(file), x, y, truthOrNull);
    }

    /**
     * The most rows a regular file can hold, checked against the free heap before reading: by its
     * size where that settles it, else by counting its line breaks. -1 where it has no size (a pipe).
     */
    private static long rowsAtMost(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try {
            long rows = Files.size(file) / SHORTEST_ROW + 1;
            if (rows * BYTES_PER_ROW <= Points.freeHeap()) {
                return rows;
            }
            rows = lineBreaks(file) + 1;
            Points.requireRoom(rows, shown);
            return rows;
        } catch (IOException e) {
            return -1; // the read below names the reason
        }
    }

    private static long lineBreaks(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static void parse(BufferedReader reader, String shown, Points points) throws IOException {
        String line;
        int number = 0;
        String separator = null;
        boolean sawContent = false;
        while ((line = reader.readLine()) != null) {
            number++;
            points.lines++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            if (separator == null) {
                separator = content.contains(";") ? ";" : content.contains(",") || !content.contains("\t") ? "," : "\t";
            }
            String where = shown + " line " + number;
            String[] cells = split(content, separator.charAt(0));
            if (cells.length != 2) {
                throw new InvalidDataException(where + ": " + columns(cells.length)
                        + " (\"" + Numbers.abbreviate(content) + "\"); expected 2, x and y, separated by a"
                        + " comma or a semicolon");
            }
            cells[0] = unquote(cells[0]);
            cells[1] = unquote(cells[1]);
            if (separator.equals(";")) {
                cells[0] = decimalPoint(cells[0]);
                cells[1] = decimalPoint(cells[1]);
            }
            if (!sawContent) {
                sawContent = true;
                if (!Numbers.isNumber(cells[0]) && !Numbers.isNumber(cells[1])) {
                    points.header = true;
                    continue;
                }
            }
            points.add(Numbers.parseFinite(cells[0], where + ", x"), Numbers.parseFinite(cells[1], where + ", y"));
        }
    }

    /** The cells between separators, empty ones kept ({@code String.split} compiles a regex per call). */
    private static String[] split(String line, char separator) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                count++;
            }
        }
        String[] cells = new String[count];
        int start = 0;
        for (int c = 0; c < count; c++) {
            int end = c == count - 1 ? line.length() : line.indexOf(separator, start);
            cells[c] = line.substring(start, end);
            start = end + 1;
        }
        return cells;
    }

    private static String columns(int count) {
        return count == 1 ? "1 column" : count + " columns";
    }

    /** {@code "2.5"} as spreadsheets export it. */
    private static String unquote(String cell) {
        String t = cell.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : cell;
    }

    private static String decimalPoint(String cell) {
        String t = cell.strip();
        return DECIMAL_COMMA.matcher(t).matches() ? t.replace(',', '.') : cell;
    }

    /** A name for reports and file names: the file's name without extension, in safe characters. */
    static String nameOf(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "data" : name.toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String safe = base.replaceAll("[^A-Za-z0-9_-]+", "_");
        return safe.isEmpty() ? "data" : safe;
    }

    /** Growing columns of points; each growth is checked against the free heap before it allocates. */
    private static final class Points {
        float[] x;
        float[] y;
        int size;
        int lines;
        boolean header;
        private final String shown;

        Points(long rowsAtMost, String shown) {
            int first = rowsAtMost < 0 ? 1024 : (int) Math.min(Math.max(rowsAtMost, 1), Integer.MAX_VALUE - 8L);
            this.x = new float[first];
            this.y = new float[first];
            this.shown = shown;
        }

        void add(float xv, float yv) {
            if (size == x.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * x.length);
                if (grown == size) {
                    throw new InvalidDataException("too many data rows (more than " + size + ")");
                }
                requireRoom(grown, shown);
                x = Arrays.copyOf(x, grown);
                y = Arrays.copyOf(y, grown);
            }
            x[size] = xv;
            y[size] = yv;
            size++;
        }

        static void requireRoom(long rows, String shown) {
            long free = freeHeap();
            if (rows * BYTES_PER_ROW > free) {
                throw new InvalidDataException("data file " + shown + " has up to " + rows + " rows; reading them needs"
                        + " about " + (rows * BYTES_PER_ROW >> 20) + " MiB of Java heap, and " + (free >> 20)
                        + " MiB are free (give Java more with -Xmx, or use a smaller file)");
            }
        }

        static long freeHeap() {
            Runtime r = Runtime.getRuntime();
            return r.maxMemory() - (r.totalMemory() - r.freeMemory());
        }
    }
}
