package dev.djlfit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one documented command line under {@code bash -c}, exactly as written, in a folder, with
 * its stdout and stderr together in a log file. A command is either run to its end, or, when it
 * is long, only until it has shown that it started (then it and its children are stopped).
 */
final class CommandProcess {

    /** How a run ended. */
    enum Ending { EXITED, STARTED_AND_STOPPED, TIMED_OUT }

    /**
     * @param ending how the run ended
     * @param exitCode the exit code when it {@link Ending#EXITED}, else -1
     * @param log the run's stdout and stderr
     * @param seconds how long it ran
     */
    record Outcome(Ending ending, int exitCode, String log, double seconds) {}

    /** A long command is seen to have started once it has run this long after its first visible output... */
    private static final Duration AFTER_FIRST_OUTPUT = Duration.ofSeconds(2);
    /** ...or, where {@code silentStartAllowed}, this long without any output. */
    private static final Duration SILENT_START = Duration.ofSeconds(4);

    private CommandProcess() {}

    /**
     * @param silentStartAllowed whether a long command that prints nothing at first counts as
     *     started after {@link #SILENT_START} (true for the launcher, which starts in about a second;
     *     false for Maven, which compiles silently under {@code -q} first)
     * @param cap the most a run may take before it counts as {@link Ending#TIMED_OUT}
     */
    static Outcome run(String commandLine, Path folder, Path logFile, boolean isLong,
                       boolean silentStartAllowed, Duration cap) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> environment = builder.environment();
        // What surefire sets for the tests; a reader's shell does not have them.
        for (String variable : List.of("DJL_OFFLINE", "OPT_OUT_TRACKING")) {
            environment.remove(variable);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        Long firstOutput = null;
        while (true) {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return outcome(Ending.EXITED, process.exitValue(), logFile, start);
            }
            long now = System.nanoTime();
            if (firstOutput == null && hasVisibleText(logFile)) {
                firstOutput = now;
            }
            if (isLong) {
                boolean started = firstOutput != null
                        ? now - firstOutput >= AFTER_FIRST_OUTPUT.toNanos()
                        : silentStartAllowed && now - start >= SILENT_START.toNanos();
                if (started) {
                    // what it printed up to now: stopping kills its children too, and a child's
                    // death may be reported by the command on its way down (as it would on Ctrl-C)
                    Outcome beforeStop = outcome(Ending.STARTED_AND_STOPPED, -1, logFile, start);
                    stop(process);
                    return beforeStop;
                }
            }
            if (now - start >= cap.toNanos()) {
                stop(process);
                return outcome(Ending.TIMED_OUT, -1, logFile, start);
            }
        }
    }

    /** Whether the log holds more than blanks and escape codes (Maven's jansi writes ESC[0m first). */
    private static boolean hasVisibleText(Path logFile) throws IOException {
        if (Files.size(logFile) == 0) {
            return false;
        }
        String text = Files.readString(logFile).replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        return !text.isBlank();
    }

    private static Outcome outcome(Ending ending, int exitCode, Path logFile, long start) throws IOException {
        return new Outcome(ending, exitCode, Files.readString(logFile), (System.nanoTime() - start) / 1e9);
    }

    /** Stops the process and everything it started (Maven's JVM under bash, say). */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }
}
