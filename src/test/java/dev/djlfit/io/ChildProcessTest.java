package dev.djlfit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bounds every child process of this project runs in: a flooding program, one that leaves a
 * background process holding its output, one that hangs while Java's wait is interrupted, and one
 * whose Java parent is terminated. Each ends in bounded time with nothing of it left running.
 */
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void aFloodingProgramIsStoppedAtTheCap() throws Exception {
        long start = System.nanoTime();
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c", "yes flood"), 1 << 20)) {
            ChildProcess.OutputTooLargeException e = assertThrows(ChildProcess.OutputTooLargeException.class,
                    () -> child.await(Duration.ofSeconds(60)));
            assertEquals("printed more than 1 MiB, so it was stopped", e.getMessage());
            assertFalse(child.handle().isAlive());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void aBackgroundProcessHoldingTheOutputDoesNotOutlastTheTimeout() throws Exception {
        Path pid = dir.resolve("pid");
        long start = System.nanoTime();
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c", "sleep 120 & echo $! > " + pid + "; echo hi"),
                1 << 20)) {
            // when the JDK sees the exit before the reader is blocked, it closes the output itself
            // (ProcessBuilder's pipe drain): then the wait ends at once; otherwise the timeout ends it
            try {
                child.await(Duration.ofSeconds(2));
            } catch (ChildProcess.TimedOutException e) {
                assertTrue(e.getMessage().contains("kept its output open past 2 s"), e.getMessage());
            }
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the timeout held");
        assertGone(pid);
    }

    @Test
    void anInterruptedWaitStopsTheProgramAndWhatItStarted() throws Exception {
        Path pid = dir.resolve("pid");
        ChildProcess child = ChildProcess.start(List.of("sh", "-c", "sleep 120 & echo $! > " + pid + "; wait"), 1 << 20);
        Thread waiter = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                return;
            }
            waiter.interrupt();
        });
        interrupter.start();
        assertThrows(InterruptedException.class, () -> child.await(Duration.ofSeconds(60)));
        assertFalse(child.handle().isAlive());
        assertGone(pid);
    }

    @Tag("external")
    @Test
    void aTerminatedJavaStopsItsReferenceAndWhatItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        Path python = dir.resolve("python");
        Files.writeString(python, "#!/bin/sh\nif [ \"$1\" = -c ]; then echo 1.13.0; exit 0; fi\n"
                + "echo $$ > " + pids + ".tmp; sleep 120 & echo $! >> " + pids + ".tmp; mv " + pids + ".tmp " + pids
                + "\nwait\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process compare = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.djlfit.cli.Main",
                "compare", "--python", python.toString(), "--steps", "10", "--python-timeout", "120")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(pids); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(pids), "the reference started: " + Files.readString(dir.resolve("out")));
            compare.destroy(); // SIGTERM
            assertTrue(compare.waitFor(30, TimeUnit.SECONDS));
        } finally {
            compare.destroyForcibly();
        }
        for (String line : Files.readAllLines(pids)) {
            long p = Long.parseLong(line.strip());
            for (int i = 0; i < 50 && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), "process " + p + " outlived Java");
        }
    }

    private static void assertGone(Path pidFile) throws Exception {
        long p = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), "background process " + p + " runs on");
    }
}
