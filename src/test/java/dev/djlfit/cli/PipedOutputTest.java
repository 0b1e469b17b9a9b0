package dev.djlfit.cli;

import dev.djlfit.SearchPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Output that goes into a pipe or a file carries no terminal escape codes, so that
 * {@code predict ... | awk ...} reads plain numbers: through a plain {@code java} and through
 * {@code mvn -q exec:java} (Debian's Maven 3.8 wrote ESC[0m before and after everything until
 * .mvn/jvm.config turned jansi's reset off).
 */
@Tag("external")
class PipedOutputTest {

    private static final char ESC = 0x1b;

    private record Ran(int code, String out, String err) {}

    private static Ran run(List<String> command, Path dir) throws Exception {
        Path out = Files.createTempFile("piped", ".out");
        Path err = Files.createTempFile("piped", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = p.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                p.destroyForcibly();
            }
            assertTrue(finished, String.join(" ", command) + " took over 3 minutes");
            return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void assertPlain(Ran ran, String what) {
        assertFalse(ran.out().indexOf(ESC) >= 0, what + " stdout has an escape code: " + ran.out());
        assertFalse(ran.err().indexOf(ESC) >= 0, what + " stderr has an escape code: " + ran.err());
    }

    @Test
    void plainJavaWritesNoEscapeCodesToAPipe(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.djlfit.cli.Main", "train", "--steps", "300", "--out", dir.resolve("out").toString(),
                "--save", dir.resolve("model").toString());
        Ran train = run(command, dir);
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("progress "), "a pipe gets progress lines: " + train.err());
        assertPlain(train, "train");

        Ran predict = run(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.djlfit.cli.Main",
                "predict", "--from", dir.resolve("model").toString(), "--x", "2.5,10"), dir);
        assertEquals(0, predict.code(), predict.err());
        assertTrue(predict.out().startsWith("2.5 "), predict.out());
        assertPlain(predict, "predict");
    }

    @Test
    void mavenExecWritesNoEscapeCodesToAPipe() throws Exception {
        Optional<Path> mvn = SearchPath.find("mvn");
        assumeTrue(mvn.isPresent(), "mvn is not on PATH");
        List<String> command = new ArrayList<>(List.of(mvn.get().toString(), "-q", "exec:java", "-Dexec.args=--version"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Ran version = run(command, Path.of("").toAbsolutePath());
        assertEquals(0, version.code(), version.out() + version.err());
        assertTrue(version.out().startsWith("djl-fit "), version.out());
        assertPlain(version, "mvn -q exec:java");
    }
}
