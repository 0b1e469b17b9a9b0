package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import dev.djlfit.parity.PyTorchForTests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a Python program under the PyTorch the parity tests use ({@link PyTorchForTests}: skips
 * the calling test without torch, fails it where {@code DJLFIT_REQUIRE_PYTORCH} is set) and
 * returns its standard output lines.
 */
final class TorchPython {

    private TorchPython() {}

    static List<String> run(String program) {
        Path python = PyTorchForTests.reference().python();
        try {
            Path script = Files.createTempFile("kit-check", ".py");
            Path err = Files.createTempFile("kit-check", ".err");
            try {
                Files.writeString(script, program);
                Process process = new ProcessBuilder(python.toString(), script.toString())
                        .redirectError(err.toFile())
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = process.waitFor();
                assertEquals(0, code, () -> "python failed: " + readQuietly(err));
                return out.lines().toList();
            } finally {
                Files.deleteIfExists(script);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each line of numbers Python printed with {@code repr}, parsed exactly. */
    static double[] numbers(String line) {
        String[] parts = line.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    /**
     * A float32 tensor's values as a Python {@code show} that prints {@code repr} of each, space-separated,
     * prints them: the Java side of such a line, for an exact comparison.
     */
    static String floatReprs(NDArray t) {
        StringBuilder s = new StringBuilder();
        for (float v : t.toFloatArray()) {
            s.append(s.length() == 0 ? "" : " ").append(PyFormat.repr((double) v));
        }
        return s.toString();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(stderr unreadable)";
        }
    }
}
