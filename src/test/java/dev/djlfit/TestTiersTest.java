package dev.djlfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fast tier ({@code mvn -B test -Pfast}, which leaves out {@code @Tag("external")}) starts no
 * Python, no second JVM, no Maven and no nbconvert: every test method that does so, itself or
 * through a helper method of its own file, carries the tag, on itself or on its class; and no test
 * carries it without such a reason, so the fast tier keeps every test it can run.
 *
 * <p>What counts as starting one is read from the source: the helpers that run PyTorch, a Python
 * or a command ({@code PyTorchForTests}, {@code TorchPython}, {@code CommandProcess}), a JVM from
 * {@code java.home}, Maven found on the PATH, {@code /usr/bin/python3}, and a fake Python given to
 * the app with {@code --python}, any other {@code new ProcessBuilder}. Short coreutils helpers ({@code mkfifo}, {@code true}) and the
 * shell's {@code kill} are not counted.
 */
class TestTiersTest {

    private static final Path TESTS = Path.of("src", "test", "java");
    private static final String TAG = "@Tag(\"external\")";
    private static final Pattern STARTS_A_PROCESS = Pattern.compile(String.join("|",
            "PyTorchForTests\\.(reference\\w*|compare)\\(",
            "TorchPython(Access)?\\.run\\(",
            "CommandProcess\\.run\\(",
            "\"java\\.home\"",
            "SearchPath\\.find\\(\"mvn\"\\)",
            "Path\\.of\\(\"/usr/bin/python3\"\\)",
            "fakePython\\(",
            "new ProcessBuilder\\((?!\"(mkfifo|mknod|true|bash)\")",
            "Prerequisite\\.NBCONVERT(?!\\.require\\([^()]*,\\s*(true|false),)",
            "\"--python\",\\s*+(?!\"/nonexistent)"));
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|TestFactory|RepeatedTest)\\b");
    private static final Pattern METHOD = Pattern.compile(
            "\\n((?:[ \\t]*@[^\\n]*\\n)*)[ \\t]*(?:(?:public|private|protected|static|final|synchronized)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\([^;{]*\\)\\s*(?:throws [\\w., ]+)?\\{");

    private record Method(String name, String annotations, String body) {
        boolean isTest() {
            return TEST_ANNOTATION.matcher(annotations).find();
        }
    }

    @Test
    void everyTestThatStartsAProcessIsTaggedExternalAndNoOtherIs() throws IOException {
        List<String> untagged = new ArrayList<>();
        List<String> taggedWithoutReason = new ArrayList<>();
        int external = 0;
        int fast = 0;
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Map<String, Method> methods = methods(source);
            Set<String> starting = startingMethods(methods);
            boolean classTagged = classAnnotations(source).contains(TAG);
            boolean anyStarts = false;
            for (Method m : methods.values()) {
                if (!m.isTest()) {
                    continue;
                }
                boolean starts = starting.contains(m.name());
                anyStarts |= starts;
                boolean tagged = classTagged || m.annotations().contains(TAG);
                if (starts && !tagged) {
                    untagged.add(file + ": " + m.name());
                }
                if (!starts && m.annotations().contains(TAG)) {
                    taggedWithoutReason.add(file + ": " + m.name());
                }
                if (tagged) {
                    external++;
                } else {
                    fast++;
                }
            }
            if (classTagged && !anyStarts) {
                taggedWithoutReason.add(file + " (the class)");
            }
        }
        assertEquals(List.of(), untagged, "these tests start an external process: tag them @Tag(\"external\")");
        assertEquals(List.of(), taggedWithoutReason, "these are tagged external but start no process");
        assertTrue(external > 10 && fast > 100, "external " + external + ", fast " + fast + ": the source was not read");
    }

    @Test
    void theReaderFindsMethodsAndTheirBodies() {
        String source = "class A {\n    @Test\n    void a() {\n        String s = \"}\";\n        helper();\n    }\n\n"
                + "    private static void helper() throws Exception {\n        PyTorchFor" + "Tests.reference();\n    }\n}\n";
        Map<String, Method> methods = methods(source);
        assertEquals(Set.of("a", "helper"), methods.keySet());
        assertTrue(methods.get("a").isTest());
        assertEquals(Set.of("a", "helper"), startingMethods(methods));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The methods whose body starts a process, or calls a method of the same file that does. */
    private static Set<String> startingMethods(Map<String, Method> methods) {
        Set<String> starting = new HashSet<>();
        for (Method m : methods.values()) {
            if (STARTS_A_PROCESS.matcher(m.body()).find()) {
                starting.add(m.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Method m : methods.values()) {
                if (!starting.contains(m.name()) && starting.stream().anyMatch(s -> calls(m.body(), s))) {
                    starting.add(m.name());
                    grew = true;
                }
            }
        }
        return starting;
    }

    private static boolean calls(String body, String method) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(method) + "\\s*\\(").matcher(body).find();
    }

    private static String classAnnotations(String source) {
        Matcher m = Pattern.compile("((?:^@[^\\n]*\\n)*)^(?:public |final |abstract )*(?:class|record|enum|interface) ",
                Pattern.MULTILINE).matcher(source);
        return m.find() ? m.group(1) : "";
    }

    /** Each method by name (an overload's bodies joined), with its annotations and body. */
    private static Map<String, Method> methods(String source) {
        Map<String, Method> methods = new TreeMap<>();
        Matcher m = METHOD.matcher(source);
        int from = 0;
        while (m.find(from)) {
            String name = m.group(2);
            int end = closingBrace(source, m.end() - 1);
            if (!List.of("if", "for", "while", "switch", "catch", "synchronized", "try").contains(name)) {
                String body = source.substring(m.end(), end);
                Method before = methods.get(name);
                methods.put(name, before == null ? new Method(name, m.group(1), body)
                        : new Method(name, before.annotations() + m.group(1), before.body() + body));
            }
            from = m.end();
        }
        return methods;
    }

    /** The index of the brace that closes the one at {@code open}, skipping strings, chars and comments. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                if (s.startsWith("\"\"\"", i)) {
                    i = s.indexOf("\"\"\"", i + 3) + 2;
                    continue;
                }
                for (i++; i < s.length() && s.charAt(i) != c; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i) + 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces from " + open);
    }
}
