package dev.djlfit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.SearchPath;
import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The consumer example (docs/examples/consumer) as CI runs it: its own Maven build on the kit jar,
 * its PyTorch original, and judge's verdict, through {@code check-parity.sh}. The kit jar goes into
 * a temporary local repository (the user's ~/.m2 artifacts linked beside it, nothing of
 * dev/djlfit), so the test neither needs nor changes an installed djl-fit; judge runs from this
 * build's classes.
 */
class ConsumerExampleTest {

    private static final Path EXAMPLE = Path.of("docs/examples/consumer");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void thePortAndItsOriginalGetAMatchFromJudge() throws Exception {
        PyTorchForTests.reference();
        Path temp = Files.createTempDirectory("consumer-example");
        try {
            checkParity(temp);
        } finally {
            deleteWithoutFollowingLinks(temp);
        }
    }

    private static void checkParity(Path temp) throws Exception {
        Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Assumptions.assumeTrue(SearchPath.find("mvn").isPresent() && Files.isDirectory(userRepository),
                "the consumer example needs Maven and a local repository (~/.m2/repository)");
        Path repository = repositoryWithTheKit(temp.resolve("repository"), userRepository);
        Path log = temp.resolve("check-parity.log");

        ProcessBuilder builder = new ProcessBuilder("bash", EXAMPLE.resolve("check-parity.sh").toString(), "11")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MAVEN_OPTS", "-Dmaven.repo.local=" + repository);
        builder.environment().put("DJLFIT_JUDGE", javaCommand() + " dev.djlfit.cli.Main");
        Process process = builder.start();
        boolean ended = process.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "check-parity.sh ends within 150 s:\n" + output);
        assertEquals(0, process.exitValue(), output);

        List<String> lines = output.lines().toList();
        List<String> java = section(lines, "== Java");
        List<String> pytorch = section(lines, "== PyTorch:");
        assertEquals(4, java.size(), "three epoch lines and the result:\n" + output);
        assertEquals(pytorch, java, "the port prints what its original prints");
        assertTrue(output.contains("== minibatch-regression, seed 11, 300 steps, 3 epochs"), output);
        assertTrue(output.contains("(measured: 10x PyTorch's spread against itself"), output);
        assertEquals("MATCH", lines.get(lines.size() - 1), output);
    }

    /** Deletes the folder; a link is deleted as a link, what it points to stays. */
    private static void deleteWithoutFollowingLinks(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The lines after the header that starts with {@code header}, up to the next header. */
    private static List<String> section(List<String> lines, String header) {
        int start = 0;
        while (!lines.get(start).startsWith(header)) {
            start++;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("== ") && !lines.get(end).startsWith("judge:")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /**
     * A local repository holding the kit jar as {@code mvn install} would (this build's
     * {@code dev/djlfit/torch} classes and pom.xml) and, linked, everything else of the user's.
     */
    private static Path repositoryWithTheKit(Path repository, Path userRepository) throws IOException {
        Files.createDirectories(repository);
        try (Stream<Path> groups = Files.list(userRepository)) {
            for (Path group : groups.toList()) {
                if (group.getFileName().toString().equals("dev")) {
                    Files.createDirectories(repository.resolve("dev"));
                    try (Stream<Path> devGroups = Files.list(group)) {
                        for (Path g : devGroups.filter(g -> !g.getFileName().toString().equals("djlfit")).toList()) {
                            Files.createSymbolicLink(repository.resolve("dev").resolve(g.getFileName()), g);
                        }
                    }
                } else {
                    Files.createSymbolicLink(repository.resolve(group.getFileName()), group);
                }
            }
        }
        Path artifact = repository.resolve("dev/djlfit/djl-fit/" + VERSION);
        Files.createDirectories(artifact);
        Files.copy(Path.of("pom.xml"), artifact.resolve("djl-fit-" + VERSION + ".pom"));
        Path classes = Path.of("target/classes");
        try (OutputStream file = Files.newOutputStream(artifact.resolve("djl-fit-" + VERSION + "-kit.jar"));
                JarOutputStream jar = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("dev/djlfit/torch/") || name.equals("simplelogger.properties")) {
                    jar.putNextEntry(new JarEntry(name));
                    Files.copy(p, jar);
                    jar.closeEntry();
                }
            }
        }
        return repository;
    }

    /** {@code java -cp <this build's classes and libraries>}. */
    private static String javaCommand() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -cp " + classPath;
    }
}
