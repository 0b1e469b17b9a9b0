package dev.djlfit.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How much memory a run may still take, as the kernel will enforce it: the least of what Linux
 * says is available ({@code MemAvailable}), what this process's memory cgroup leaves below its
 * limit (cgroup v2 {@code memory.max} - {@code memory.current}, or v1 {@code memory.limit_in_bytes}
 * - {@code memory.usage_in_bytes}, the tightest of the cgroup and every parent), and what the JVM
 * itself sees as free (it knows a container's limit too). A run over this is killed with no
 * message (exit 137), so it is refused before it starts instead.
 *
 * @param proc where {@code /proc} is (a test gives a folder of its own)
 * @param cgroupRoot where the cgroup file systems are mounted, {@code /sys/fs/cgroup}
 */
public record MemoryBudget(Path proc, Path cgroupRoot) {

    public static MemoryBudget system() {
        return new MemoryBudget(Path.of("/proc"), Path.of("/sys/fs/cgroup"));
    }

    /** Bytes a run may still take; {@link Long#MAX_VALUE} where nothing says. */
    public long available() {
        long available = Math.min(memAvailable().orElse(Long.MAX_VALUE), cgroupFree().orElse(Long.MAX_VALUE));
        if (proc.equals(Path.of("/proc"))
                && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long free = os.getFreeMemorySize();
            if (free > 0 && memAvailable().isEmpty()) {
                available = Math.min(available, free); // not Linux: what the JVM sees
            }
        }
        return available;
    }

    public OptionalLong memAvailable() {
        try {
            for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return OptionalLong.empty();
    }

    /** What the memory cgroup of this process leaves, the tightest of it and its parents; empty where unlimited. */
    public OptionalLong cgroupFree() {
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve("self").resolve("cgroup"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        long free = Long.MAX_VALUE;
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            String path = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                free = Math.min(free, tightest(cgroupRoot, path, "memory.max", "memory.current"));
                free = Math.min(free, tightest(cgroupRoot.resolve("unified"), path, "memory.max", "memory.current"));
            } else if (List.of(parts[1].split(",")).contains("memory")) {
                free = Math.min(free, tightest(cgroupRoot.resolve("memory"), path, "memory.limit_in_bytes",
                        "memory.usage_in_bytes"));
            }
        }
        return free == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.max(0, free));
    }

    /**
     * Limit minus use of the group at {@code path} and each parent up to the mount. Inside a
     * container the mount shows the container's own group at its root, so the mount itself is read
     * too where {@code path} is not there.
     */
    private static long tightest(Path mount, String path, String limitFile, String usageFile) {
        if (!Files.isDirectory(mount)) {
            return Long.MAX_VALUE;
        }
        Path dir = path.isEmpty() ? mount : mount.resolve(path);
        if (!Files.isDirectory(dir)) {
            dir = mount;
        }
        long free = Long.MAX_VALUE;
        for (Path d = dir; d != null && d.startsWith(mount); d = d.getParent()) {
            OptionalLong limit = number(d.resolve(limitFile));
            OptionalLong usage = number(d.resolve(usageFile));
            if (limit.isPresent() && limit.getAsLong() < Long.MAX_VALUE / 2) {
                free = Math.min(free, limit.getAsLong() - usage.orElse(0));
            }
        }
        return free;
    }

    /** The number in a cgroup file; empty for "max" (no limit) or where there is no such file. */
    private static OptionalLong number(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
