package dev.djlfit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A program this project runs (the PyTorch references), held within bounds: it runs in a process
 * group of its own, so that stopping it stops whatever it started too (a background process that
 * keeps its output open included); its output is read as it comes and kept up to a cap; one
 * deadline covers both its exit and the end of its output; and it is stopped when the wait is
 * interrupted, when it is closed, and when the JVM exits (Ctrl-C, kill).
 */
public final class ChildProcess implements AutoCloseable {

    /** What one program may print before it is stopped: a run document is well under a megabyte. */
    public static final int DEFAULT_OUTPUT_CAP = 64 << 20;

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::stop),
                "djl-fit: stop child processes"));
    }

    /** How a wait ended. */
    public record Finished(int exitCode, String stdout, String stderr) {}

    /** The program did not finish (exit and close its output) in time; it was stopped. */
    public static final class TimedOutException extends RuntimeException {
        TimedOutException(String message) {
            super(message);
        }
    }

    /** The program printed more than the cap; it was stopped. */
    public static final class OutputTooLargeException extends RuntimeException {
        OutputTooLargeException(String message) {
            super(message);
        }
    }

    private final Process process;
    private final boolean ownGroup;
    private final int cap;
    private final Capture stdout;
    private final Capture stderr;

    private ChildProcess(Process process, boolean ownGroup, int cap) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.cap = cap;
        this.stdout = new Capture(process.getInputStream(), cap, this);
        this.stderr = new Capture(process.getErrorStream(), cap, this);
    }

    /** Starts {@code command} with its input closed; its output is read from now on. */
    public static ChildProcess start(List<String> command, int outputCap) throws IOException {
        boolean ownGroup = Files.isExecutable(SETSID);
        List<String> full = new ArrayList<>();
        if (ownGroup) {
            full.add(SETSID.toString()); // a session and process group of its own: its pid is the group's id
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).start();
        process.getOutputStream().close();
        ChildProcess child = new ChildProcess(process, ownGroup, outputCap);
        RUNNING.add(child);
        child.stdout.start("stdout");
        child.stderr.start("stderr");
        return child;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Waits until the program has exited and closed its output, for at most {@code timeout}.
     *
     * @throws TimedOutException if that does not happen in time (the program is stopped)
     * @throws OutputTooLargeException if it printed more than the cap (the program is stopped)
     * @throws InterruptedException if the wait is interrupted (the program is stopped)
     */
    public Finished await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            boolean read = exited && stdout.awaitEnd(deadline) && stderr.awaitEnd(deadline);
            if (stdout.overflowed() || stderr.overflowed()) {
                stop();
                throw new OutputTooLargeException("printed more than " + (cap >> 20) + " MiB, so it was stopped");
            }
            if (!read) {
                stop();
                throw new TimedOutException(exited
                        ? "exited, but a process it started kept its output open past " + seconds(timeout)
                                + "; both were stopped"
                        : "gave no answer within " + seconds(timeout) + ", so it was stopped");
            }
            Finished finished = new Finished(process.exitValue(), stdout.text(), stderr.text());
            // the JDK may close the output at the program's exit though a process it started holds it:
            // what is left of its group is stopped here too
            stop();
            return finished;
        } catch (InterruptedException e) {
            stop();
            throw e;
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** Stops the program and everything in its process group, now, and waits (5 s at most) until it has exited. */
    public void stop() {
        RUNNING.remove(this);
        if (ownGroup) {
            try {
                // the whole group: what it started in the background too
                // the shell's built-in kill: a machine without procps has no kill program
                new ProcessBuilder("bash", "-c", "kill -KILL -- -" + process.pid())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // below: the process and its descendants one by one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            // SIGKILL is delivered at once, the exit is seen a moment later: stopped means gone
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (RUNNING.contains(this) || process.isAlive()) {
            stop();
        }
    }

    /** One output stream, read on a thread of its own as it comes, kept up to the cap. */
    private static final class Capture {
        private final InputStream in;
        private final int cap;
        private final ChildProcess owner;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean overflowed;

        Capture(InputStream in, int cap, ChildProcess owner) {
            this.in = in;
            this.cap = cap;
            this.owner = owner;
        }

        void start(String name) {
            Thread reader = new Thread(this::read, "child-process-" + name);
            reader.setDaemon(true); // one a grandchild keeps blocked must not keep the JVM alive
            reader.start();
        }

        private void read() {
            byte[] buffer = new byte[65536];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (kept) {
                        if (kept.size() + n > cap) {
                            overflowed = true;
                            break;
                        }
                        kept.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process was stopped: what was read stays
            } finally {
                ended.countDown();
            }
            if (overflowed) {
                owner.stop();
            }
        }

        boolean awaitEnd(long deadline) throws InterruptedException {
            return ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        boolean overflowed() {
            return overflowed;
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
