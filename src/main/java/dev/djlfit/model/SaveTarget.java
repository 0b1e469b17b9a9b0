package dev.djlfit.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a model is saved, made safe: checked and staged before training starts, so that a bad
 * {@code --save} fails at once and not after an hour of training; written into a hidden staging
 * directory beside the target; moved into place only when complete. A run that fails or is
 * interrupted leaves the target as it was (an earlier saved model stays intact) and removes its
 * staging directory.
 */
public final class SaveTarget implements AutoCloseable {

    /** The file that marks a directory as a saved model. */
    public static final String DESCRIPTION = "model.json";

    private final Path target;
    private final Path staging;
    private final String shown;
    private final Thread cleanupOnExit;
    private volatile boolean committed;

    private SaveTarget(Path target, Path staging, String shown) {
        this.target = target;
        this.staging = staging;
        this.shown = shown;
        // Ctrl-C or kill during training: the JVM runs shutdown hooks, not finally blocks.
        this.cleanupOnExit = new Thread(this::discard, "djl-fit: remove unfinished " + staging.getFileName());
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Checks that {@code dir} can take a saved model and creates its staging directory.
     *
     * @param option how to name the place in messages, e.g. {@code --save}
     * @throws SavedModelException where it cannot
     */
    public static SaveTarget prepare(Path dir, String option) {
        String shown = option + " " + dir;
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new SavedModelException(shown + ": cannot save into the root directory");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new SavedModelException(shown + ": is a file, not a directory; give a new or empty directory");
            }
            if (!isEmpty(target, shown) && !Files.isRegularFile(target.resolve(DESCRIPTION))) {
                throw new SavedModelException(shown + ": is a directory that is neither empty nor a saved model;"
                        + " give a new or empty directory (nothing there is overwritten)");
            }
        }
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new SavedModelException(shown + ": " + p + " is a file, not a directory");
                }
                break;
            }
        }
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".saving-");
            openUp(staging);
            return new SaveTarget(target, staging, shown);
        } catch (AccessDeniedException e) {
            throw new SavedModelException(shown + ": " + parent + " is not writable (permission denied)", e);
        } catch (FileSystemException e) {
            throw new SavedModelException(shown + ": cannot create a directory in " + parent + " ("
                    + (e.getReason() == null ? "refused by the file system" : e.getReason()) + ")", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new SavedModelException(shown + ": cannot write in " + parent + " (" + e.getMessage() + ")", e);
        }
    }

    /** A temporary directory is private (rwx------); a saved model is as readable as any other directory. */
    private static void openUp(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean isEmpty(Path dir, String shown) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new SavedModelException(shown + ": cannot read the directory (" + e.getMessage() + ")", e);
        }
    }

    /** The directory to write into; it becomes the target on {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /**
     * Flushes what was written to disk and moves it into place; an earlier model in the target is
     * replaced only now, and only by a complete one.
     */
    public void commit() throws IOException {
        syncAll(staging);
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".replaced-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            committed = true;
            deleteTree(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }
    }

    /** Removes the staging directory unless it was committed. */
    @Override
    public void close() {
        discard();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private void discard() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // Nothing the user made is lost: only our own staging directory stays behind.
                System.err.println("warning: could not remove " + staging + ": " + e.getMessage());
            }
        }
    }

    public String shown() {
        return shown;
    }

    private static void syncAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
