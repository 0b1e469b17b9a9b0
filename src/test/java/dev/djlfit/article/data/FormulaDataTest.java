package dev.djlfit.article.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormulaDataTest {

    @Test
    void theArticlesFormulaReproducesItsData() {
        Formula f = Formula.parse("--function", "3*x^2 + 2*x + 1");
        DataPoints d = FormulaData.sample(f, XSpec.parse("--x", "0:3:1"), "--x 0:3:1");
        DataPoints article = ArticleData.QUADRATIC.dataset();
        assertArrayEquals(article.x(), d.x());
        assertArrayEquals(new float[] {1, 6, 17, 34}, d.y());
        assertArrayEquals(article.y(), d.y());
        assertEquals(321.0, d.truth().orElseThrow().at(10), 0);
        assertEquals("3*x^2 + 2*x + 1", d.truth().orElseThrow().formula());
    }

    @Test
    void implicitMultiplicationAndFunctions() {
        assertEquals(17.0, Formula.parse("--function", "3x^2+2x+1").at(2), 0);
        assertEquals(-4.0, Formula.parse("--function", "-x^2").at(2), 0);
        assertEquals(Math.log(3), Formula.parse("--function", "ln(X)").at(3), 1e-15);
        assertEquals(Math.exp(1) + Math.sin(Math.PI / 2), Formula.parse("--function", "exp(x) + sin(pi/2)").at(1), 1e-12);
    }

    @Test
    void xListsAndRanges() {
        assertArrayEquals(new float[] {2.5f, 10f}, XSpec.parse("--x", "2.5, 10"));
        assertArrayEquals(new float[] {2.5f, 10f}, XSpec.parse("--x", "[2.5, 10]"));
        assertArrayEquals(new float[] {0, 1, 2, 3}, XSpec.parse("--x", "0:3"));
        assertEquals(11, XSpec.parse("--x", "0:1:0.1").length);
        assertEquals(1f, XSpec.parse("--x", "0:1:0.1")[10], 1e-6);
        assertArrayEquals(new float[] {3, 2, 1}, XSpec.parse("--x", "3:1:-1"));
    }

    @Test
    void badXSpecsSayWhatIsWrong() {
        assertEquals("--x '0:3:0': STEP must not be 0",
                assertThrows(InvalidDataException.class, () -> XSpec.parse("--x", "0:3:0")).getMessage());
        assertEquals("--x '0:3:-1': STEP -1 never reaches 3 from 0",
                assertThrows(InvalidDataException.class, () -> XSpec.parse("--x", "0:3:-1")).getMessage());
        assertEquals("--x '1,a', value 2 is not a number: 'a'",
                assertThrows(InvalidDataException.class, () -> XSpec.parse("--x", "1,a")).getMessage());
        assertTrue(assertThrows(InvalidDataException.class, () -> XSpec.parse("--x", "0:1e9:1e-3")).getMessage()
                .contains("use a larger STEP"));
    }

    @Test
    void formulasThatDoNotParse() {
        assertTrue(assertThrows(InvalidDataException.class, () -> Formula.parse("--function", "3*x^"))
                .getMessage().startsWith("--function '3*x^' does not parse"));
        assertTrue(assertThrows(InvalidDataException.class, () -> Formula.parse("--function", "x +"))
                .getMessage().startsWith("--function 'x +' does not parse"));
        assertEquals("--function 'y + 1' does not parse: Unknown function or variable 'y' at pos 0 in expression 'y + 1'",
                assertThrows(InvalidDataException.class, () -> Formula.parse("--function", "y + 1")).getMessage());
    }

    @Test
    void formulasUndefinedOnTheGivenX() {
        Formula log = Formula.parse("--function", "log(x)");
        assertEquals("--function 'log(x)' is infinite at x = 0",
                assertThrows(InvalidDataException.class,
                        () -> FormulaData.sample(log, new float[] {0, 1}, "--x")).getMessage());
        Formula inverse = Formula.parse("--function", "1/x");
        assertEquals("--function '1/x' is undefined at x = 0",
                assertThrows(InvalidDataException.class,
                        () -> FormulaData.sample(inverse, new float[] {-1, 0, 1}, "--x")).getMessage());
        Formula root = Formula.parse("--truth", "sqrt(x)");
        assertEquals("--truth 'sqrt(x)' is undefined at x = -0.5",
                assertThrows(InvalidDataException.class, () -> root.requireDefined(new float[] {1, -0.5f})).getMessage());
    }

    @Test
    void tooFewOrConstantX() {
        Formula f = Formula.parse("--function", "x");
        assertTrue(assertThrows(InvalidDataException.class, () -> FormulaData.sample(f, new float[] {1}, "--x 1"))
                .getMessage().endsWith("has 1 point; at least 2 are needed to fit a function"));
        assertTrue(assertThrows(InvalidDataException.class, () -> FormulaData.sample(f, new float[] {2, 2}, "--x 2,2"))
                .getMessage().endsWith("all 2 points have x = 2; x must vary to fit a function of x"));
    }

    @Test
    void standardisationRoundTrips() {
        DataPoints d = new DataPoints("d", new float[] {0, 10, 20, 30}, new float[] {100, 300, 500, 700}, null);
        Scaling s = Scaling.standardise(d);
        assertEquals(15, s.xMean(), 1e-12);
        assertEquals(Math.sqrt(125), s.xScale(), 1e-12);
        assertEquals(400, s.yMean(), 1e-12);
        float[] scaled = s.scaleY(d.y());
        double sum = 0;
        double sq = 0;
        for (float v : scaled) {
            sum += v;
            sq += v * v;
        }
        assertEquals(0, sum / 4, 1e-6);
        assertEquals(1, sq / 4, 1e-6);
        assertArrayEquals(d.y(), s.unscaleY(scaled), 1e-4f);
        assertTrue(Scaling.of(d, false).isIdentity());
        assertArrayEquals(d.x(), Scaling.IDENTITY.scaleX(d.x()));
    }

    /**
     * Runs of unary signs of generated lengths and mixtures read as the same value as written out
     * by hand, and a 200,000-sign formula is read at all (exp4j alone took 39 s for 16,000 signs,
     * growing faster than the square of the length; this bound is thousands of times that).
     */
    @Test
    void runsOfUnarySignsAreReadInLinearTime() {
        java.util.Random random = new java.util.Random(20261210);
        for (int i = 0; i < 50; i++) {
            StringBuilder signs = new StringBuilder();
            boolean negative = false;
            for (int k = random.nextInt(40); k > 0; k--) {
                char c = random.nextBoolean() ? '-' : '+';
                negative ^= c == '-';
                signs.append(c).append(random.nextInt(4) == 0 ? " " : "");
            }
            String tail = random.nextBoolean() ? "x^2" : "(x+1)";
            double expected = (negative ? -1 : 1) * (tail.equals("x^2") ? 9 : 4);
            String formula = random.nextBoolean() ? signs + tail : "2*" + signs + tail;
            double factor = formula.startsWith("2*") ? 2 : 1;
            assertEquals(factor * expected, Formula.parse("--function", formula).at(3), 0, formula);
            assertEquals(1 - factor * expected, Formula.parse("--function", "1-" + formula).at(3), 0, "1-" + formula);
        }
        long start = System.nanoTime();
        assertEquals(9.0, Formula.parse("--function", "-".repeat(200_000) + "x^2").at(3), 0);
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "200,000 signs took over 30 s");
    }
}
