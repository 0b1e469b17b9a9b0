package dev.djlfit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an {@code mvn} command line: its goals and phases, profiles, and {@code -D}
 * properties ({@code -q}, {@code -B}, {@code -o} and other flags are kept apart).
 *
 * @param goals phases such as {@code compile} and goals such as {@code exec:java}, in order
 * @param profiles the ids after {@code -P}
 * @param properties the {@code -Dkey=value} pairs
 * @param pom the POM named by {@code -f FILE} (another Maven project, such as the consumer example), or null
 */
record MavenLine(List<String> goals, List<String> profiles, Map<String, String> properties, String pom) {

    static MavenLine of(List<String> arguments) {
        List<String> goals = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        String pom = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("-D")) {
                int equals = argument.indexOf('=');
                if (equals < 0) {
                    properties.put(argument.substring(2), "true");
                } else {
                    properties.put(argument.substring(2, equals), argument.substring(equals + 1));
                }
            } else if (argument.equals("-f") || argument.equals("--file")) {
                pom = arguments.get(++i);
            } else if (argument.startsWith("-P")) {
                String ids = argument.length() > 2 ? argument.substring(2) : arguments.get(++i);
                profiles.addAll(List.of(ids.split(",")));
            } else if (!argument.startsWith("-")) {
                goals.add(argument);
            }
        }
        return new MavenLine(goals, profiles, properties, pom);
    }

    /** The plugin prefix of a goal such as {@code exec:java}, or null for a phase. */
    static String prefix(String goal) {
        int colon = goal.indexOf(':');
        return colon < 0 ? null : goal.substring(0, colon);
    }
}
