package dev.djlfit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Ctrl-C while a file is written: the old file stays as it was, and no temporary file is left. */
@Tag("external")
class InterruptedWriteTest {

    @TempDir
    Path dir;

    @Test
    void sigintMidWriteLeavesTheOldFileAndNothingElse() throws Exception {
        Path target = Files.writeString(dir.resolve("run.json"), "old");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(Signals.interruptible(java, "-cp", System.getProperty("java.class.path"),
                SlowWrite.class.getName(), target.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", out.readLine());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "the temporary file is there while it writes");
        }
        Signals.interrupt(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stops");
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }
    }
}
