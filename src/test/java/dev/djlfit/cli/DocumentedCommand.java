package dev.djlfit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One command line of a {@code ```bash} block in a Markdown file: its text without the trailing
 * comment, and the comment. A comment that starts with {@code long} marks a command that runs for
 * minutes (see {@link DocumentedCommandsTest}).
 *
 * @param file the Markdown file, relative to the project
 * @param line the line number of the command in that file (1-based)
 * @param text the command as a reader would paste it, trailing comment removed
 * @param comment the trailing comment without its {@code #}, or empty
 */
record DocumentedCommand(Path file, int line, String text, String comment) {

    boolean isLong() {
        return comment.startsWith("long");
    }

    String where() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return where() + "  " + text;
    }

    /** The commands of every {@code ```bash} block of {@code markdown}, in order. */
    static List<DocumentedCommand> in(Path root, Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(markdown));
        List<DocumentedCommand> commands = new ArrayList<>();
        boolean inBash = false;
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (!inBash) {
                inBash = stripped.equals("```bash");
                continue;
            }
            if (stripped.startsWith("```")) {
                inBash = false;
                continue;
            }
            int first = i;
            StringBuilder joined = new StringBuilder(stripped);
            while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines.get(++i).strip());
            }
            String line = joined.toString();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = commentStart(line);
            String text = hash < 0 ? line : line.substring(0, hash).strip();
            String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
            commands.add(new DocumentedCommand(markdown, first + 1, text, comment));
        }
        if (inBash) {
            throw new IllegalStateException(markdown + ": a ```bash block is not closed");
        }
        return commands;
    }

    /** Where a {@code #} outside quotes and after a blank starts a comment, or -1. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }
}
