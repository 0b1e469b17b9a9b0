package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated hostile documents given where the user gives a file: traces to {@code tutorial --inputs}
 * nested deeper than any document, holding non-finite or wrongly typed values, cut short, in
 * another encoding; endless and huge inputs. Each must end in exit 2 and one line in the user's
 * words (no Java class, no parser jargon), and change nothing. Seeded, so a failure repeats.
 */
class HostileFilesTest {

    private static final int CASES = 120;
    /** What a message in the user's words never holds. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error\\b|java\\.|gson|JsonReader|JsonPrimitive|JsonArray|JsonObject|because \"|\\bnull\\b|\tat ");
    private static final String VALID = "{\"program\": \"polynomial-nn\", \"seed\": 0, \"steps\": 5,"
            + " \"inputs\": {\"x\": [1, 2, 3], \"y\": [1, 4, 9]}, \"initial_parameters\": {\"a\": [[0.5]]},"
            + " \"final_parameters\": {\"a\": [[0.25]]}, \"losses\": [[99, 1.5]], \"result\": \"Result: y = x\"}";
    private static final String[] FIELDS = {"program", "seed", "steps", "inputs", "initial_parameters",
        "final_parameters", "losses", "result"};
    private static final String[] WRONG = {"null", "\"7\"", "7", "[]", "{}", "[[1, \"2\"]]", "true", "1e39"};

    @TempDir
    Path sandbox;

    private Random random;

    @Test
    void everyMalformedTraceIsOneLineExitTwo() throws IOException {
        random = new Random(20261206);
        Path good = Files.writeString(sandbox.resolve("good.json"), VALID);
        assertEquals(0, CliRun.of("tutorial", "polynomial-nn", "--inputs", good.toString(), "--steps", "3",
                "--no-report").exitCode(), "the valid base trace must train");
        for (int i = 0; i < CASES; i++) {
            Path trace = sandbox.resolve("trace " + i + ".json");
            String what = generate(trace);
            long before = Files.size(trace);
            CliRun run = CliRun.of("tutorial", "polynomial-nn", "--inputs", trace.toString(), "--steps", "3",
                    "--no-report");
            assertOneLineExitTwo(run, "case " + i + " (" + what + ")");
            assertEquals(before, Files.size(trace));
        }
    }

    /** Writes a broken variant of the valid trace; returns what is broken. */
    private String generate(Path file) throws IOException {
        switch (random.nextInt(8)) {
            case 0 -> {
                int depth = 65 + random.nextInt(random.nextBoolean() ? 200 : 200_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String inner = open.repeat(depth) + "1" + close.repeat(depth);
                Files.writeString(file, random.nextBoolean() ? inner
                        : VALID.replace("\"a\": [[0.5]]", "\"a\": " + inner));
                return "nested " + depth + " deep";
            }
            case 1 -> {
                String value = pick("NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1e39", "\"1.5\"", "null");
                Files.writeString(file, VALID.replace("[1, 2, 3]", "[1, " + value + ", 3]"));
                return "x holds " + value;
            }
            case 2 -> {
                String x = pick("[]", "[1]", "[2, 2, 2]", "[1, 2]");
                Files.writeString(file, VALID.replace("[1, 2, 3]", x));
                return "x is " + x;
            }
            case 3 -> {
                String field = pick(FIELDS);
                String value = pick(WRONG);
                Files.writeString(file, VALID.replaceFirst("\"" + field + "\": (\\{[^}]*\\}|\\[\\[[^]]*\\]\\]|[^,}]*)",
                        "\"" + field + "\": " + Matcher.quoteReplacement(value)));
                return field + " is " + value;
            }
            case 4 -> {
                int cut = random.nextInt(VALID.length() - 1);
                Files.writeString(file, VALID.substring(0, cut));
                return "cut at " + cut;
            }
            case 5 -> {
                Files.write(file, VALID.replace("polynomial-nn", "pölynomial").getBytes(
                        random.nextBoolean() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16));
                return "not UTF-8";
            }
            case 6 -> {
                Files.writeString(file, VALID + pick(" x", "}", ",{}", " // comment", "\u0000"));
                return "more after the end";
            }
            default -> {
                Files.writeString(file, VALID.replace("\"seed\": 0", "\"seed\": 0, \"seed\": 1")
                        .replace("\"steps\": 5", "'steps': 5"));
                return "a name twice, single quotes";
            }
        }
    }

    @Test
    void endlessAndHugeInputsAreRefusedBySizeFirst() {
        assertOneLineExitTwo(CliRun.of("train", "--data", "/dev/zero", "-q", "--out", sandbox.resolve("o").toString()),
                "--data /dev/zero");
        assertOneLineExitTwo(CliRun.of("tutorial", "polynomial-nn", "--inputs", "/dev/zero"), "--inputs /dev/zero");
        assertOneLineExitTwo(CliRun.of("bench", "--repeats", "2147483647", "--no-python"), "--repeats 2^31-1");
        assertFalse(Files.exists(sandbox.resolve("o")));
    }

    @Tag("external")
    @Test
    void aCsvLargerThanTheHeapIsRefusedBeforeReading() throws Exception {
        Path csv = sandbox.resolve("big.csv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            rows.append(i % 1000).append(',').append(i % 7).append('\n');
        }
        String block = rows.toString();
        try (var out = Files.newBufferedWriter(csv)) {
            for (int k = 0; k < 15; k++) {
                out.write(block);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = sandbox.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "dev.djlfit.cli.Main", "train", "--data", csv.toString(), "-q", "--steps", "1",
                "--out", sandbox.resolve("o").toString())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "a 3-million-row CSV under -Xmx64m took over 2 minutes");
        String said = Files.readString(err);
        assertEquals(2, p.exitValue(), said);
        assertTrue(said.contains("-Xmx") && !said.contains("out of memory"), said);
        assertFalse(Files.exists(sandbox.resolve("o")));
    }

    static void assertOneLineExitTwo(CliRun run, String what) {
        String all = run.out() + run.err();
        String shown = what + ":\n" + all;
        assertEquals(2, run.exitCode(), shown);
        assertEquals(1, all.strip().lines().count(), shown);
        assertTrue(run.err().startsWith("error: "), shown);
        assertFalse(INTERNALS.matcher(all).find(), "Java internals in " + shown);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
