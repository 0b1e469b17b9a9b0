package dev.djlfit.terminal;

/**
 * Text from the user's data (a CSV cell, an option's value, a file name, what a reference program
 * printed) made safe to echo on a terminal: every control character (C0, DEL, C1, NUL), every
 * invisible direction or format mark, and every line break is written as a visible escape such as
 * {@code \x1b} or {@code \u202e}, so no escape sequence reaches the terminal and a message stays
 * one line. Letters of any script and symbols are kept as they are.
 */
public final class TerminalSafe {

    private TerminalSafe() {}

    public static String text(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code c} would act on a terminal rather than show: controls, format marks, lone surrogates. */
    public static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
