package dev.djlfit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The folder a run writes its plots and tables into. Every file is written whole or not at all:
 * into a temporary file beside it, then moved over the name, so a reader never sees half a file
 * and an interrupted run leaves the previous file as it was.
 */
public final class OutputFolder {

    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path dir;

    private OutputFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates the folder if needed and checks that files can be written in it. */
    public static OutputFolder open(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException(dir + " is not a writable folder");
        }
        return new OutputFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code fileName} atomically and returns its path. */
    public Path write(String fileName, Content content) {
        Path target = dir.resolve(fileName);
        Path temporary = null;
        try {
            // not Files.createTempFile: its files are owner-only (0600); this one gets the umask's permissions
            temporary = Files.createFile(dir.resolve("." + fileName + "." + UUID.randomUUID() + ".part"));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the original error says more
                }
            }
        }
    }

    /** Writes {@code text} to {@code file} (UTF-8) atomically, in the folder the file names: never a half-written file. */
    public static Path writeFile(Path file, String text) {
        Path absolute = file.toAbsolutePath();
        try {
            return open(absolute.getParent()).writeText(absolute.getFileName().toString(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a text file (UTF-8) atomically. */
    public Path writeText(String fileName, String text) {
        return write(fileName, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
