package dev.djlfit.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help reads as sentences, and --version, on every command, says the pom's version. */
class HelpAndVersionTest {

    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>djl-fit</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the pom names its version");
        return m.group(1);
    }

    private static List<String> commandNames() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        return cli.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }

    @Test
    void everyCommandsVersionIsThePomsVersion() throws IOException {
        String expected = "djl-fit " + pomVersion();
        List<String> commands = new ArrayList<>(commandNames());
        assertTrue(commands.containsAll(List.of("walkthrough", "train", "sweep", "compare", "predict", "bench")), commands.toString());
        commands.add(0, "");
        for (String command : commands) {
            CliRun run = command.isEmpty() ? CliRun.of("--version") : CliRun.of(command, "--version");
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith(expected + "\n"), command + " --version: " + run.out());
            assertTrue(run.out().contains("DJL 0.33.0"), run.out());
        }
    }

    @Test
    void theTopLevelHelpSummarisesEachCommandInAWholeSentence() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        int start = lines.indexOf("Commands:");
        assertTrue(start >= 0, run.out());
        List<String> summaries = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.matches("  \\S.*")) {
                summaries.add(line.strip());
            } else if (!summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertTrue(summaries.size() >= 7, summaries.toString());
        for (String summary : summaries) {
            assertTrue(summary.endsWith("."), "a whole sentence: " + summary);
        }
    }

    @Test
    void descriptionsBreakLinesOnlyBetweenSentencesOrListItems() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>(List.of(cli));
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) { // picocli's own
                all.add(sub);
            }
        });
        for (CommandLine command : all) {
            for (String line : command.getCommandSpec().usageMessage().description()) {
                if (line.isBlank() || line.startsWith("  ")) {
                    continue; // a paragraph break or a list item
                }
                assertTrue(line.endsWith(".") || line.endsWith(":"),
                        command.getCommandName() + ": a hard line break inside a sentence: " + line);
            }
        }
    }
}
