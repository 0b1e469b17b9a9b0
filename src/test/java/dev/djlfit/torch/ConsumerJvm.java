package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a main class in a fresh JVM with what a project that depends on the kit jar has on its
 * class path: this project's test class path less the jars of the dependencies pom.xml marks
 * optional (the app's own libraries, which a consumer does not get), and none of the
 * {@code ai.djl.*} system properties surefire sets for this project's tests.
 */
final class ConsumerJvm {

    record Result(int exitCode, String stdout, String stderr) {}

    private ConsumerJvm() {}

    static Result run(Class<?> main, Map<String, String> environment, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("consumer", ".out");
            Path err = Files.createTempFile("consumer", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the forked JVM ends");
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test class path less every jar of an optional dependency in pom.xml. */
    static String classPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> optional = optionalArtifacts();
        assertTrue(!optional.isEmpty(), "pom.xml names the app's optional dependencies");
        List<String> kept = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (optional.stream().noneMatch(artifact -> name.startsWith(artifact + "-") && name.endsWith(".jar"))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** The artifactIds of the dependencies pom.xml declares {@code <optional>true</optional>}. */
    static List<String> optionalArtifacts() {
        try {
            String pom = Files.readString(Path.of("pom.xml"));
            Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
            List<String> optional = new ArrayList<>();
            while (dependency.find()) {
                String body = dependency.group(1);
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
                if (body.contains("<optional>true</optional>") && artifact.find()) {
                    optional.add(artifact.group(1).trim());
                }
            }
            return optional;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
