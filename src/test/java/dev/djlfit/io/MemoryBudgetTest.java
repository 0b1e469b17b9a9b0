package dev.djlfit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The memory budget reads a container's limit, cgroup v2 and v1, at every level of the group's
 * path, and never more than Linux's MemAvailable: generated trees of limits and uses under a
 * /proc and /sys/fs/cgroup of the test's own.
 */
class MemoryBudgetTest {

    private static final long GB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void theTightestOfMemAvailableAndEveryCgroupLevelIsTheBudget() throws IOException {
        Random random = new Random(20261211);
        for (int i = 0; i < 40; i++) {
            Path root = Files.createDirectories(dir.resolve("case" + i));
            Path proc = Files.createDirectories(root.resolve("proc/self"));
            Path cgroups = root.resolve("cgroup");
            long memAvailable = (4 + random.nextInt(60)) * GB;
            Files.writeString(proc.resolveSibling("meminfo"), "MemTotal: 1 kB\nMemAvailable: " + memAvailable / 1024
                    + " kB\n");
            boolean v2 = random.nextBoolean();
            String group = random.nextBoolean() ? "/" : "/a/b";
            Files.writeString(proc.resolve("cgroup"), v2 ? "0::" + group + "\n"
                    : "12:pids:/\n4:memory:" + group + "\n1:name=systemd:/\n");
            Path mount = v2 ? cgroups : cgroups.resolve("memory");
            long expected = memAvailable;
            Path level = mount;
            for (String name : ("." + group).split("/")) {
                level = name.equals(".") ? mount : level.resolve(name);
                Files.createDirectories(level);
                if (random.nextInt(3) == 0) {
                    Files.writeString(level.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"),
                            v2 ? "max\n" : "9223372036854771712\n");
                    continue;
                }
                long limit = (1 + random.nextInt(8)) * GB;
                long usage = (long) (random.nextDouble() * limit);
                Files.writeString(level.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), limit + "\n");
                Files.writeString(level.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"), usage + "\n");
                expected = Math.min(expected, limit - usage);
            }
            assertEquals(expected, new MemoryBudget(proc.getParent(), cgroups).available(),
                    "case " + i + (v2 ? " v2 " : " v1 ") + group);
        }
    }

    @Test
    void aContainerThatShowsItsOwnGroupAtTheMountRootIsRead() throws IOException {
        Path proc = Files.createDirectories(dir.resolve("proc/self"));
        Files.writeString(proc.resolveSibling("meminfo"), "MemAvailable: " + 64 * GB / 1024 + " kB\n");
        Files.writeString(proc.resolve("cgroup"), "4:memory:/docker/0123abcd\n");
        Path mount = Files.createDirectories(dir.resolve("cgroup/memory"));
        Files.writeString(mount.resolve("memory.limit_in_bytes"), 3 * GB + "\n");
        Files.writeString(mount.resolve("memory.usage_in_bytes"), GB + "\n");
        assertEquals(2 * GB, new MemoryBudget(proc.getParent(), dir.resolve("cgroup")).available());
    }
}
