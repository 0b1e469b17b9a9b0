package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A run killed while it trains leaves an earlier saved model as it was, and nothing of its own. */
@Tag("external")
class InterruptedSaveTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void killedRunLeavesNothingHalfWritten() throws Exception {
        Path model = dir.resolve("model");
        assertEquals(0, UserDataCliTest.run("train", "--steps", "20", "--save", model.toString(),
                "--out", model.toString()).code());
        byte[] before = Files.readAllBytes(model.resolve("net-0000.params"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("djl-fit-interrupted", ".log");
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--steps", "100000000", "--save", model.toString(), "--out", model.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("===")) {
                assertTrue(run.isAlive(), "the run ended before it trained: " + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, "not training within 120 s");
                Thread.sleep(100);
            }
            Thread.sleep(500); // into the training loop
        } finally {
            run.destroy(); // SIGTERM: shutdown hooks run, finally blocks do not
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops");
        }
        Files.deleteIfExists(log);
        assertEquals(List.of(model), listing(), "nothing left beside the model");
        try (Stream<Path> files = Files.list(model)) {
            assertEquals(List.of("model.json", "net-0000.params", "tanh-quadratic-tanh-h10-seed0-20steps-fit.png",
                    "tanh-quadratic-tanh-h10-seed0-20steps-loss.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left in it");
        }
        assertArrayEquals(before, Files.readAllBytes(model.resolve("net-0000.params")));
    }
}
