package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The kit depends on DJL and the JDK alone: no class under {@code dev.djlfit.torch} refers to
 * another package of the project or to one of the app's dependencies, neither in its source
 * imports (fully qualified names included) nor in its compiled class files' constant pools.
 */
class KitIndependenceTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/djlfit/torch");
    private static final Path CLASSES = Path.of("target/classes/dev/djlfit/torch");
    /** The app's dependencies, as package prefixes (slash form for class files). */
    private static final List<String> APP_DEPENDENCIES = List.of(
            "picocli", "org.jfree", "com.google.gson", "me.tongfei", "net.objecthunter", "org.slf4j", "org.jline");

    @Test
    void sourcesNameNoOtherProjectPackageAndNoAppDependency() throws IOException {
        List<String> offending = new ArrayList<>();
        Pattern projectName = Pattern.compile("\\bdev\\.djlfit\\.(?!torch\\b)[a-z]\\w*");
        List<Path> files = files(SOURCES, ".java");
        assertTrue(files.size() > 10, "found the kit's sources in " + SOURCES.toAbsolutePath());
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = projectName.matcher(text);
            while (m.find()) {
                offending.add(file + ": " + m.group());
            }
            for (String dependency : APP_DEPENDENCIES) {
                if (text.contains(dependency + ".")) {
                    offending.add(file + ": " + dependency);
                }
            }
            for (String line : text.lines().filter(l -> l.startsWith("import ")).toList()) {
                String name = line.replaceFirst("import (static )?", "").replace(";", "").trim();
                if (!(name.startsWith("java.") || name.startsWith("ai.djl.") || name.startsWith("dev.djlfit.torch."))) {
                    offending.add(file + ": " + line);
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void compiledClassesReferToNoOtherProjectPackageAndNoAppDependency() throws IOException {
        List<Path> files = files(CLASSES, ".class");
        assertTrue(files.size() > 10, "found the kit's classes in " + CLASSES.toAbsolutePath());
        Pattern projectRef = Pattern.compile("dev/djlfit/(?!torch/)");
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            // Class names in the constant pool are modified UTF-8: ASCII for these names.
            String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (projectRef.matcher(pool).find()) {
                offending.add(file + ": dev/djlfit outside torch");
            }
            for (String dependency : APP_DEPENDENCIES) {
                if (pool.contains(dependency.replace('.', '/') + "/")) {
                    offending.add(file + ": " + dependency);
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
