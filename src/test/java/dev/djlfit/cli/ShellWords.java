package dev.djlfit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple command line into words as bash does: blanks separate words, single quotes keep
 * everything, double quotes keep everything but {@code \"} and {@code \\}, a backslash outside
 * quotes escapes the next character. exec-maven-plugin splits {@code -Dexec.args} by the same quote
 * rules. Shell syntax beyond that (pipes, redirections, {@code $}, {@code ;}, {@code &}) is refused:
 * a documented command that needs it belongs in a {@code text} block, not in a {@code bash} one.
 */
final class ShellWords {

    private static final String SHELL_SYNTAX = "|&;<>$`(){}*?";

    private ShellWords() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new IllegalArgumentException("trailing \\ in: " + line);
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (SHELL_SYNTAX.indexOf(c) >= 0) {
                throw new IllegalArgumentException("shell syntax '" + c + "' (only simple commands are checked) in: " + line);
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted text starting at {@code from}; returns the closing quote's index. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(++i));
            } else if (c == '$' || c == '`') {
                throw new IllegalArgumentException("substitution inside \"...\" (only simple commands are checked) in: " + line);
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("unclosed \" in: " + line);
    }
}
