package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link PyRandom} against CPython's own {@code random}, for many seeds and draws. */
class PyRandomTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Small, large (several 32-bit words), negative and the tutorials' seeds. */
    private static final List<String> SEEDS = List.of("0", "1", "2", "7", "31", "1234", "-5", "4294967295",
            "4294967296", "123456789012345678901234567890", "-9223372036854775808");

    private static final int DRAWS = 2000;

    @Tag("external")
    @Test
    void randintAndGetrandbitsMatchCPython() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            String message = "CPython's random not checked: " + PYTHON + " is not installed; install it with:"
                    + " apt-get install -y python3";
            if (System.getenv("DJLFIT_REQUIRE_PYTORCH") != null) {
                fail(message + " (DJLFIT_REQUIRE_PYTORCH is set)");
            }
            Assumptions.abort(message);
        }
        String script = String.join("\n",
                "import random, sys",
                "for s in sys.argv[1:]:",
                "    random.seed(int(s))",
                "    print(' '.join(str(random.randint(4, 6)) for _ in range(" + DRAWS + ")))",
                "    print(' '.join(str(random.randint(-3, 100)) for _ in range(50)))",
                "    print(' '.join(str(random.getrandbits(k)) for k in range(1, 33)))");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(SEEDS);
        List<String> lines = run(command);
        assertEquals(3 * SEEDS.size(), lines.size(), "lines from python: " + lines);
        for (int s = 0; s < SEEDS.size(); s++) {
            PyRandom random = new PyRandom(new BigInteger(SEEDS.get(s)));
            StringBuilder fours = new StringBuilder();
            for (int i = 0; i < DRAWS; i++) {
                fours.append(i == 0 ? "" : " ").append(random.randint(4, 6));
            }
            assertEquals(lines.get(3 * s), fours.toString(), "randint(4, 6), seed " + SEEDS.get(s));
            StringBuilder wide = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                wide.append(i == 0 ? "" : " ").append(random.randint(-3, 100));
            }
            assertEquals(lines.get(3 * s + 1), wide.toString(), "randint(-3, 100), seed " + SEEDS.get(s));
            StringBuilder bits = new StringBuilder();
            for (int k = 1; k <= 32; k++) {
                bits.append(k == 1 ? "" : " ").append(random.getrandbits(k));
            }
            assertEquals(lines.get(3 * s + 2), bits.toString(), "getrandbits, seed " + SEEDS.get(s));
        }
    }

    @Test
    void longSeedIsTheSameAsTheBigIntegerOne() {
        PyRandom a = new PyRandom(-1234L);
        PyRandom b = new PyRandom(BigInteger.valueOf(1234));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.getrandbits(32), b.getrandbits(32));
        }
    }

    @Test
    void rejectsEmptyRangesAndBadBitCounts() {
        PyRandom random = new PyRandom(0);
        assertThrows(IllegalArgumentException.class, () -> random.randint(5, 4));
        assertThrows(IllegalArgumentException.class, () -> random.getrandbits(0));
        assertThrows(IllegalArgumentException.class, () -> random.getrandbits(33));
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().toList();
    }
}
