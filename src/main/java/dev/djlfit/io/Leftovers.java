package dev.djlfit.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files a run writes beside its outputs, and what happens to them when the run
 * stops early. Their names are short, whatever the output is called ({@code .djl-fit-<pid>-<8 hex>.tmp}),
 * and say which process made them: Ctrl-C or kill removes them as the JVM exits (shutdown hooks
 * run, finally blocks do not), and a later run removes those of a process that no longer runs
 * (kill -9).
 */
public final class Leftovers {

    private static final String PREFIX = ".djl-fit-";
    private static final String SUFFIX = ".tmp";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-[0-9a-f]{8}" + Pattern.quote(SUFFIX));
    private static final long PID = ProcessHandle.current().pid();

    private static final Object LOCK = new Object();
    private static final Set<Path> temporaries = new LinkedHashSet<>();
    private static final List<Outputs> runs = new ArrayList<>();
    private static final Set<Runnable> exitSteps = new LinkedHashSet<>();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::onExit, "djl-fit: remove unfinished outputs"));
    }

    /** A step that must happen whole or not at all with respect to the exit clean-up. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    /** A step that makes something at a path (a file, a folder, an open channel) and returns it. */
    @FunctionalInterface
    public interface Creation<T> {
        T run() throws IOException;
    }

    private Leftovers() {}

    /** A fresh temporary name in {@code dir}; what is made there goes through {@link #create}. */
    public static Path temporaryIn(Path dir) {
        return dir.resolve(PREFIX + PID + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt()) + SUFFIX);
    }

    /**
     * Makes {@code path} by {@code creation}, to be removed at exit unless {@link #forget forgotten}.
     * Refused once the exit clean-up has begun: the clean-up runs on its own thread while the run's
     * threads go on, and anything they made after it would outlive the run.
     */
    public static <T> T create(Path path, Creation<T> creation) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new IOException("the run is being stopped");
            }
            T made = creation.run();
            temporaries.add(path);
            return made;
        }
    }

    /** {@link #create} of a step that returns nothing, such as a move into {@code path}. */
    public static void createBy(Path path, Step step) throws IOException {
        create(path, () -> {
            step.run();
            return null;
        });
    }

    /** Whether {@code name} is one of this project's temporary names. */
    public static boolean isTemporaryName(String name) {
        return OURS.matcher(name).matches();
    }

    /**
     * {@code path}, which is already there (a file a killed run left, taken over now), is removed at
     * exit unless forgotten first; refused, as {@link #create} is, once the exit clean-up has begun.
     */
    public static void adopt(Path path) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new IOException("the run is being stopped");
            }
            temporaries.add(path);
        }
    }

    public static void forget(Path path) {
        synchronized (LOCK) {
            temporaries.remove(path);
        }
    }

    /** Removes {@code path} (a file or a whole folder) now, quietly where it is already gone. */
    public static void delete(Path path) {
        forget(path);
        deleteTree(path);
    }

    /**
     * Runs {@code step} (a rename that makes an output final) unless the process is exiting; the
     * exit clean-up waits for it, so a file is either renamed into place or cleaned up, never both.
     */
    public static void commit(Step step) throws IOException {
        synchronized (LOCK) {
            if (exiting) {
                throw new IOException("the run is being stopped");
            }
            step.run();
        }
    }

    /**
     * Runs {@code step} as the JVM exits, before the temporary files are removed, unless {@link
     * #unregisterExitStep unregistered} first; it runs under the same lock as {@link #commit}, so it
     * sees a commit whole or not at all (a save finishing what it recorded it would remove).
     */
    public static void registerExitStep(Runnable step) {
        synchronized (LOCK) {
            exitSteps.add(step);
        }
    }

    public static void unregisterExitStep(Runnable step) {
        synchronized (LOCK) {
            exitSteps.remove(step);
        }
    }

    static void register(Outputs run) {
        synchronized (LOCK) {
            runs.add(run);
        }
    }

    static void unregister(Outputs run) {
        synchronized (LOCK) {
            runs.remove(run);
        }
    }

    /** Removes the temporary files in {@code dir} of processes that no longer run (killed with -9). */
    public static void removeStale(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : entries) {
                Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                        stale.add(p);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return; // nothing is lost: they stay for a later run
        }
        stale.forEach(Leftovers::deleteTree);
    }

    private static void onExit() {
        synchronized (LOCK) {
            exiting = true;
            for (Runnable step : exitSteps) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    // what it leaves, a later run removes
                }
            }
            exitSteps.clear();
            temporaries.forEach(Leftovers::deleteTree);
            temporaries.clear();
            for (Outputs run : runs) {
                run.removeCreatedFolders();
            }
        }
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // only our own temporary file stays behind; a later run removes it
        }
    }
}
