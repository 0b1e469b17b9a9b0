package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** {@link PyFormat#format(String, Object...)} and {@code format(value, spec)} against Python's own. */
class PyFormatSpecTest {

    private static final String[] FLOAT_SPECS = {
        ">7f", ">5d", ">0.1f", "f", ".4f", ".3e", "g", ">8.3f", "<10", "^9.2f", "+.2f", "08.3f", ".1%",
        "", ".3", ".0", ".1", ".0f", ".0e", ".10g", ".17g", ".1g", "G", "E", "F", ",.2f", "_", ",", "z.1f", " .2f",
        "=+12.4e", "*^15g", "012,.3f", "0=9.1f", "<08.2f", ".0%", "%", "-^11.5", "x>+10.2e", "s", "x", ".2d", ",s", ".f",
    };

    private static final String[] INT_SPECS = {
        ">5d", "d", "", "<10", "^9", "+d", "08d", ",", "_", "010,", "09,", "x", "#06x", "X", "o", "_b", "#b", "_x",
        ">7f", ".3e", ".1%", "g", ".2f", " d", "=+8", "*<6", ".2d", ",x", "zd", "s", ".2",
    };

    private static final String[] STR_SPECS = {
        "<10", ">10", "^9", ".2", "*^11.3", "05", "s", "", "+", "=5", "d", ",", "z", "#",
    };

    private static final String[] BOOL_SPECS = {"", ">5", "d", "^7", "s", "+.1f", "x"};

    /** Values of one Python type, each formatted with each spec; {@code literals} are how Python reads them. */
    private record Group(List<Object> values, List<String> literals, String[] specs) {}

    @Tag("external")
    @Test
    void matchesPythonOnThousandsOfValuesAndSpecs() {
        Random random = new Random(16);
        List<Double> doubles = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            doubles.add(random.nextGaussian() * Math.pow(10, random.nextInt(44) - 22));
        }
        for (int i = 0; i < 1500; i++) {
            doubles.add(random.nextInt(200_000) / 1024.0 - 50); // binary fractions: exact ties at .1f, .2f, .3f
        }
        for (int i = 0; i < 400; i++) {
            doubles.add(Double.longBitsToDouble(random.nextLong())); // every magnitude, subnormals, nan
        }
        double[] special = {91.25, 0.125, 2.5, 0.5, 1.5, 0.375, 1e16, 1e15, 1e-5, 1e-4, 9.9999995, 0.95, 99.95, 999999.5,
            9.5, 0.0005, 123.0, 1e300, -1e300, 1e-300, Double.MAX_VALUE, Double.MIN_VALUE, 0.0, -0.0, -0.04, -0.0001,
            Double.NaN, Double.longBitsToDouble(0xfff8000000000000L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double d : special) {
            doubles.add(d);
        }
        List<Object> floats = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            floats.add(i < 500 ? Float.intBitsToFloat(random.nextInt())
                    : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6)));
        }
        List<Object> ints = new ArrayList<>(List.of(0, -1, 7, 1234, -7, 999_999, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                new BigInteger("123456789012345678901234567890")));
        for (int i = 0; i < 800; i++) {
            ints.add(i % 2 == 0 ? (Object) (random.nextInt(2_000_001) - 1_000_000) : (Object) (random.nextLong() >> random.nextInt(63)));
        }
        List<Object> strings = List.of("", "a", "abc", "hello world", "na\u00efve", "\u00dcn\u00ef\u20acode", "x\ud83d\ude00y");
        List<Object> bools = List.of(true, false);
        List<Group> groups = List.of(
                new Group(new ArrayList<>(doubles), doubles.stream().map(d -> floatLiteral(d)).toList(), FLOAT_SPECS),
                // Python sees a Java float as the float32 value widened, as .item() gives it
                new Group(floats, floats.stream().map(f -> floatLiteral((Float) f)).toList(), FLOAT_SPECS),
                new Group(ints, ints.stream().map(Object::toString).toList(), INT_SPECS),
                new Group(strings, strings.stream().map(v -> pythonString((String) v)).toList(), STR_SPECS),
                new Group(bools, List.of("True", "False"), BOOL_SPECS));
        StringBuilder program = new StringBuilder("import struct\nfl = lambda h: struct.unpack('>d', bytes.fromhex(h))[0]\ngroups = [\n");
        for (Group g : groups) {
            program.append("([").append(String.join(",\n", g.literals())).append("], [");
            for (String spec : g.specs()) {
                program.append(pythonString(spec)).append(", ");
            }
            program.append("]),\n");
        }
        program.append("]\n")
                .append("for values, specs in groups:\n")
                .append("    for v in values:\n")
                .append("        for s in specs:\n")
                .append("            try:\n")
                .append("                print(('{:' + s + '}').format(v))\n")
                .append("            except Exception as e:\n")
                .append("                print('ERROR: ' + str(e))\n");
        List<String> python = TorchPython.run(program.toString());
        int line = 0;
        for (Group g : groups) {
            for (int i = 0; i < g.values().size(); i++) {
                Object value = g.values().get(i);
                for (String spec : g.specs()) {
                    String java;
                    try {
                        java = PyFormat.format("{:" + spec + "}", value);
                    } catch (IllegalArgumentException e) {
                        java = "ERROR: " + e.getMessage();
                    }
                    String expected = line < python.size() ? python.get(line) : "(Python printed no more lines)";
                    assertEquals(expected, java, "'{:" + spec + "}'.format(" + g.literals().get(i) + ")");
                    line++;
                }
            }
        }
        assertEquals(python.size(), line, "lines Python printed");
        System.out.println("PyFormatSpecTest: " + line + " (value, spec) cases equal to Python's");
    }

    @Tag("external")
    @Test
    void templatesMatchPython() {
        Object[][] argsList = {
            {0.6923458576202393, 64, 60000},
            {2.3050789833068848f, 6400, 60000},
            {91.25, 0.31415926},
            {"Epoch", 3, "-------------------------------"},
            {1.5, 2.5, 3.5},
            {"x", 10, "y", 7},
        };
        String[] templates = {
            "loss: {:>7f}  [{:>5d}/{:>5d}]",
            "loss: {:>7f}  [{:>5d}/{:>5d}]",
            "Test Error: \n Accuracy: {:>0.1f}%, Avg loss: {:>8f} \n",
            "{} {}\n{}",
            "{{literal}} {0:.0f} {1:.0f} {2:.0f} {{{0}}}",
            "{:>{}}|{:^{}}",
        };
        StringBuilder program = new StringBuilder("import struct\nfl = lambda h: struct.unpack('>d', bytes.fromhex(h))[0]\n");
        for (int i = 0; i < templates.length; i++) {
            StringBuilder args = new StringBuilder();
            for (Object a : argsList[i]) {
                args.append(a instanceof String s ? pythonString(s) : a instanceof Double d ? floatLiteral(d)
                        : a instanceof Float f ? floatLiteral(f) : a.toString()).append(", ");
            }
            program.append("print(repr(").append(pythonString(templates[i])).append(".format(").append(args).append(")))\n");
        }
        List<String> python = TorchPython.run(program.toString());
        for (int i = 0; i < templates.length; i++) {
            String java = PyFormat.format(templates[i], argsList[i]);
            assertEquals(python.get(i), "'" + java.replace("\n", "\\n") + "'", templates[i]);
        }
    }

    @Test
    void pythonsRoundingNotJavas() {
        assertEquals("91.2", PyFormat.format("{:>0.1f}", 91.25));
        assertEquals("91.3", String.format("%.1f", 91.25)); // why the kit formats itself
        assertEquals("0.12", PyFormat.format(0.125, ".2f"));
        assertEquals("2", PyFormat.format(2.5, ".0f"));
        assertEquals("0.100000", PyFormat.format(0.1f, "f"));
        assertEquals("0.10000000149", PyFormat.format(0.1f, ".11f"));
        assertEquals("loss: 0.692346  [   64/60000]", PyFormat.format("loss: {:>7f}  [{:>5d}/{:>5d}]", 0.6923458576202393, 64, 60000));
        assertEquals("-0.0 nan inf -inf", PyFormat.format("{:.1f} {} {:f} {}", -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void valueOverloadsAndTensors() {
        assertEquals("  0.5", PyFormat.format(0.5f, ">5"));
        assertEquals("1,234", PyFormat.format(1234, ","));
        assertEquals("True", PyFormat.format(true, ""));
        assertEquals("ab   ", PyFormat.formatValue("ab", "<5"));
        assertEquals("x ab", PyFormat.format("x {}", "ab")); // a String argument is not taken for a spec
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("0.500", PyFormat.format("{:.3f}", m.create(0.5f)));
            assertEquals("   42", PyFormat.format("{:>5}", m.create(42L)));
            assertEquals("tensor([1., 2.])", PyFormat.format("{}", m.create(new float[] {1, 2})));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PyFormat.format("{:>5}", m.create(new float[] {1, 2})));
            assertEquals("unsupported format string passed to Tensor.__format__", e.getMessage());
        }
    }

    @Test
    void templateErrorsUsePythonsWords() {
        assertEquals("Single '}' encountered in format string",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("a}b")).getMessage());
        assertEquals("Single '{' encountered in format string",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("a{")).getMessage());
        assertEquals("expected '}' before end of string",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("a{:>5", 1)).getMessage());
        assertEquals("cannot switch from automatic field numbering to manual field specification",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{}{0}", 1)).getMessage());
        assertEquals("Replacement index 1 out of range for positional args tuple",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{} {}", 1)).getMessage());
        assertEquals("Unknown format code 'd' for object of type 'float'",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{:>5d}", 1.0)).getMessage());
        assertEquals("Max string recursion exceeded",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{:{:{}}}", 1, 2, 3)).getMessage());
    }

    /** A Python expression for exactly this double. */
    private static String floatLiteral(double d) {
        return "fl('" + String.format("%016x", Double.doubleToRawLongBits(d)) + "')";
    }

    private static String pythonString(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(cp -> {
            if (cp == '\'' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append('\'').toString();
    }
}
