package dev.djlfit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No two packages of the project depend on each other, directly or round a loop. */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "djlfit");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.djlfit\\.([a-z0-9]+)\\.", Pattern.MULTILINE);

    /** Package (below dev.djlfit) to the packages its classes import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file.getParent());
                String from = relative.toString().isEmpty() ? "(root)" : relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** A path from {@code start} back to itself, or an empty list. */
    private static List<String> loopThrough(String start, Map<String, Set<String>> graph) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.removeFirst();
            for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.add(longer);
                }
            }
        }
        return List.of();
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = imports();
        assertTrue(graph.containsKey("cli") && graph.get("cli").contains("parity"), "the check reads imports: " + graph);
        List<String> loops = new ArrayList<>();
        for (String p : graph.keySet()) {
            List<String> loop = loopThrough(p, graph);
            if (!loop.isEmpty()) {
                loops.add(String.join(" -> ", loop));
            }
        }
        assertEquals(List.of(), loops, "package cycles");
    }
}
