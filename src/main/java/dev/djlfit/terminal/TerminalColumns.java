package dev.djlfit.terminal;

import java.io.File;
import java.util.concurrent.TimeUnit;

/**
 * How wide the terminal is: {@code stty size} on the controlling terminal, else {@code $COLUMNS},
 * else 80. Asked once per process (a sweep draws a bar per configuration), so a resize during
 * the run is not seen.
 */
public final class TerminalColumns {

    public static final int FALLBACK = 80;

    private TerminalColumns() {}

    public static int current() {
        return Asked.COLUMNS;
    }

    /** Initialised at the first {@link #current()}, once, by the JVM's class initialisation. */
    private static final class Asked {
        static final int COLUMNS = ask();
    }

    private static int ask() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes()).strip();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsColumns = answer.split("\\s+");
                if (rowsColumns.length == 2) {
                    int columns = Integer.parseInt(rowsColumns[1]);
                    if (columns > 0) {
                        return columns;
                    }
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no terminal to ask: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns > 0 ? columns : FALLBACK;
        } catch (NumberFormatException e) {
            return FALLBACK;
        }
    }
}
