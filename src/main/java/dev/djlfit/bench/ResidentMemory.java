package dev.djlfit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process, from /proc (Linux): now ({@code VmRSS}) or its peak so far
 * ({@code VmHWM}); -1 where that cannot be read.
 */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** This process's resident set now. */
    public static double megabytes() {
        return read(Path.of("/proc/self/status"), "VmRSS:");
    }

    /** This process's peak resident set so far. */
    public static double peakMegabytes() {
        return read(Path.of("/proc/self/status"), "VmHWM:");
    }

    /** Another process's peak resident set so far (while it runs). */
    public static double peakMegabytes(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
    }

    private static double read(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    String kb = line.substring(field.length()).replace("kB", "").trim();
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
