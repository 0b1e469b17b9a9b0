package dev.djlfit.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a signal to a test's child process. SIGKILL goes through {@link Process#destroyForcibly()};
 * SIGINT, which the JDK cannot send, through the shell's builtin {@code kill}, so no {@code kill}
 * program (procps) is needed: a fresh Debian root has bash but not procps.
 */
public final class Signals {

    private Signals() {}

    /**
     * A command line whose process takes SIGINT as a terminal's Ctrl-C would: coreutils'
     * {@code env --default-signal=INT} restores the default before it starts the program. A test
     * run started in the background (CI behind {@code nohup}, {@code cmd &} in a script) inherits
     * SIGINT ignored, and a JVM that starts with it ignored never stops for it.
     */
    public static List<String> interruptible(String... command) {
        List<String> line = new ArrayList<>(List.of("env", "--default-signal=INT"));
        line.addAll(List.of(command));
        return line;
    }

    /** Ctrl-C: the JVM runs its shutdown hooks. */
    public static void interrupt(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("bash", "-c", "kill -INT " + process.pid())
                .redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes()).trim();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("could not send SIGINT to " + process.pid() + ": " + said);
        }
    }

    /** kill -9: no shutdown hook runs. */
    public static void kill(Process process) {
        process.destroyForcibly();
    }
}
