package dev.djlfit.article.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

class CsvDataTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private String error(String text) throws IOException {
        Path file = write("bad.csv", text);
        return assertThrows(InvalidDataException.class, () -> CsvData.read(file)).getMessage();
    }

    @Test
    void readsHeaderCommentsBlankLinesAndBom() throws IOException {
        DataPoints d = CsvData.read(write("points.csv",
                "\uFEFF# the article's quadratic\nx,y\n\n0,1\n1, 6   # inline comment\n 2 ,17\n3,34\n\n"));
        assertArrayEquals(new float[] {0, 1, 2, 3}, d.x());
        assertArrayEquals(new float[] {1, 6, 17, 34}, d.y());
        assertEquals("points", d.name());
        assertTrue(d.truth().isEmpty());
    }

    @Test
    void readsWithoutHeaderAndWithSemicolonsAndDecimalCommas() throws IOException {
        DataPoints d = CsvData.read(write("eu.csv", "0,5;1,25\n-1,5e2;3\n2;-4.5\n"));
        assertArrayEquals(new float[] {0.5f, -150f, 2f}, d.x());
        assertArrayEquals(new float[] {1.25f, 3f, -4.5f}, d.y());
    }

    @Test
    void readsQuotedCellsTabsAndWindowsLineEnds() throws IOException {
        DataPoints quoted = CsvData.read(write("quoted.csv", "\"x\",\"y\"\r\n\"0\",\"1.5\"\r\n\"2\",\"3\"\r\n"));
        assertArrayEquals(new float[] {0, 2}, quoted.x());
        assertArrayEquals(new float[] {1.5f, 3}, quoted.y());
        DataPoints tabs = CsvData.read(write("tabs.tsv", "x\ty\n1\t2\n3\t4\n"));
        assertArrayEquals(new float[] {1, 3}, tabs.x());
        assertArrayEquals(new float[] {2, 4}, tabs.y());
    }

    @Test
    void readsThousandsOfPointsExactly() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            double x = i / 1000.0;
            text.append(String.format(Locale.ROOT, "%s,%s%n", x, Math.sin(x)));
        }
        DataPoints d = CsvData.read(write("many.csv", text.toString()));
        assertEquals(n, d.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals((float) (i / 1000.0), d.x()[i]);
            assertEquals((float) Math.sin(i / 1000.0), d.y()[i]);
        }
    }

    @Test
    void keepsTheTruthItIsGiven() throws IOException {
        Formula truth = Formula.parse("--truth", "2*x + 1");
        DataPoints d = CsvData.read(write("line.csv", "0,1\n1,3\n"), truth.truth());
        assertEquals(21.0, d.truth().orElseThrow().at(10), 0);
    }

    @Test
    void refusesMissingFileAndDirectory() {
        assertEquals("data file " + dir.resolve("nope.csv") + " does not exist",
                assertThrows(InvalidDataException.class, () -> CsvData.read(dir.resolve("nope.csv"))).getMessage());
        assertTrue(assertThrows(InvalidDataException.class, () -> CsvData.read(dir)).getMessage()
                .endsWith("is a directory, not a CSV file"));
    }

    @Test
    void refusesEmptyAndHeaderOnlyFiles() throws IOException {
        assertTrue(error("").endsWith("bad.csv is empty"));
        assertTrue(error("# nothing\n\n").endsWith("has no data rows (only blank lines and comments)"));
        assertTrue(error("x,y\n").endsWith("has no data rows (only a header)"));
    }

    @Test
    void refusesRowsOfOneOrThreeColumnsNamingTheLine() throws IOException {
        assertTrue(error("x,y\n0,1\n2\n").contains("bad.csv line 3: 1 column (\"2\")"));
        assertTrue(error("0,1\n1,2,3\n").contains("bad.csv line 2: 3 columns (\"1,2,3\")"));
        assertTrue(error("0,1\n1,2,\n").contains("line 2: 3 columns"));
    }

    @Test
    void refusesNonNumericCellsNamingLineAndColumn() throws IOException {
        assertTrue(error("x,y\n0,1\n1,abc\n").endsWith("bad.csv line 3, y is not a number: 'abc'"));
        assertTrue(error("0,1\n0x10,2\n").endsWith("bad.csv line 2, x is not a number: '0x10'"));
        assertTrue(error("0,1\n1,\n").endsWith("bad.csv line 2, y is empty"));
    }

    @Test
    void refusesNanAndInfiniteValues() throws IOException {
        assertTrue(error("0,1\n1,NaN\n").endsWith("bad.csv line 2, y is NaN; only finite numbers can be fitted"));
        assertTrue(error("0,1\n-inf,2\n").endsWith("bad.csv line 2, x is -inf; only finite numbers can be fitted"));
        assertTrue(error("0,1\n1,1e39\n").contains("line 2, y is 1e39, too large for the net's 32-bit floats"));
    }

    @Test
    void refusesFewerThanTwoPointsAndConstantX() throws IOException {
        assertTrue(error("x,y\n1,2\n").endsWith("has 1 point; at least 2 are needed to fit a function"));
        assertTrue(error("1,2\n1,3\n1,4\n").endsWith(": all 3 points have x = 1; x must vary to fit a function of x"));
    }

    @Test
    void refusesBinaryFiles() throws IOException {
        Path file = dir.resolve("binary.csv");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        assertTrue(assertThrows(InvalidDataException.class, () -> CsvData.read(file)).getMessage()
                .endsWith("is not a text file (not UTF-8)"));
    }
}
