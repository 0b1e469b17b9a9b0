package dev.djlfit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the text goes
 * to a temporary file in the same folder, which then replaces the target in one rename.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void writeString(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            // not Files.createTempFile: its owner-only permissions would end up on the target
            temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why {@link #writeString} would fail for this path, checked before any long computation, or
     * null if it looks writable.
     */
    public static String problemWriting(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return target + " is a folder, not a file";
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return "folder " + folder + " does not exist";
        }
        if (!Files.isWritable(folder)) {
            return "folder " + folder + " is not writable";
        }
        return null;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
