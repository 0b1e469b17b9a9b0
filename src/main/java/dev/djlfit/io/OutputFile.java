package dev.djlfit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One file a run writes: the only place this project writes its outputs. Checked when made, before
 * any training; then written as what is at the path asks:
 *
 * <ul>
 *   <li>a new or regular file: whole or not at all, into a short temporary name beside it, flushed
 *       to disk and renamed over it, so a reader never sees half a file and an interrupted run
 *       leaves the previous file as it was;
 *   <li>a symbolic link: written through, to the file it points to; the link stays a link;
 *   <li>a character device or FIFO ({@code /dev/null}, {@code mkfifo}): written directly, and a
 *       failed write ({@code /dev/full}) is an error;
 *   <li>{@code -}, {@code /dev/stdout}: the run's standard output ({@code /dev/stderr}: its errors);
 *   <li>a folder, a block device or a socket: refused.
 * </ul>
 */
public final class OutputFile {

    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private enum Kind { STANDARD_OUTPUT, STANDARD_ERROR, DEVICE, FILE }

    private static final List<String> STDOUT = List.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");
    private static final List<String> STDERR = List.of("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2");
    private static final int FILE_TYPE = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int FIFO = 0010000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;
    private static final int MAX_LINKS = 40;

    private final String shown;
    private final Kind kind;
    private final Path target;
    private final Folder folder;
    private final Outputs outputs;

    private OutputFile(String shown, Kind kind, Path target, Folder folder, Outputs outputs) {
        this.shown = shown;
        this.kind = kind;
        this.target = target;
        this.folder = folder;
        this.outputs = outputs;
    }

    /** A file given on its own ({@code --json FILE}): missing folders on the way are made when it is written. */
    static OutputFile standalone(Outputs outputs, String option, Path file) {
        String shown = Folder.show(option, file);
        String text = file.toString();
        if (file.getFileName() != null && List.of(".", "..").contains(file.getFileName().toString())) {
            throw new CannotWriteException(shown + ": names a folder (it ends in " + (text.endsWith("/.")
                    ? "/" : file.getFileName()) + "); give a file name");
        }
        if (text.equals("-") || STDOUT.contains(file.toAbsolutePath().normalize().toString())) {
            return new OutputFile(shown, Kind.STANDARD_OUTPUT, null, null, outputs);
        }
        if (STDERR.contains(file.toAbsolutePath().normalize().toString())) {
            return new OutputFile(shown, Kind.STANDARD_ERROR, null, null, outputs);
        }
        Path absolute = file.toAbsolutePath().normalize();
        Folder.checkLengths(shown, absolute);
        if (absolute.getParent() == null) {
            throw new CannotWriteException(shown + ": is the root folder, not a file");
        }
        return classify(option, shown, absolute, outputs, null);
    }

    /** A file of a run's output folder, e.g. a plot. */
    static OutputFile inFolder(Folder folder, String fileName) {
        Path path = folder.path().resolve(fileName);
        String shown = folder.shown() + ": " + fileName;
        Folder.checkLengths(shown, path);
        return classify(folder.option(), shown, path, folder.outputs(), folder);
    }

    private static OutputFile classify(String option, String shown, Path path, Outputs outputs, Folder folderOrNull) {
        Path p = path;
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new CannotWriteException(shown + ": too many levels of symbolic links");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
            } catch (IOException e) {
                throw new CannotWriteException(shown + ": cannot read the link " + p + " (" + Reasons.of(e) + ")");
            }
        }
        if (!p.equals(path)) {
            Folder.checkLengths(shown, p);
        }
        if (Files.isDirectory(p)) {
            throw new CannotWriteException(shown + ": " + where(path, p) + "is a folder, not a file");
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                int type = mode(p) & FILE_TYPE;
                if (type == CHARACTER_DEVICE || type == FIFO) {
                    return new OutputFile(shown, Kind.DEVICE, p, null, outputs);
                }
                throw new CannotWriteException(shown + ": " + where(path, p) + describe(p) + "; give a file");
            }
            if (!Files.isWritable(p)) {
                throw new CannotWriteException(shown + ": " + where(path, p) + "is read-only (permission denied)");
            }
        }
        Folder folder = folderOrNull;
        if (folder == null || !p.equals(path)) {
            folder = Folder.check(outputs, option, shown, p.getParent(), false);
        }
        outputs.claimFile(shown, p);
        return new OutputFile(shown, Kind.FILE, p, folder, outputs);
    }

    private static String where(Path given, Path resolved) {
        return given.equals(resolved) ? "" : "the link's target " + resolved + " ";
    }

    private static int mode(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** What is at {@code p}, in words: "is a file", "is a block device", ... */
    static String describe(Path p) {
        if (Files.isDirectory(p)) {
            return "is a folder";
        }
        if (Files.isRegularFile(p)) {
            return "is a file";
        }
        return switch (mode(p) & FILE_TYPE) {
            case CHARACTER_DEVICE -> "is a character device";
            case BLOCK_DEVICE -> "is a block device (a disk)";
            case FIFO -> "is a FIFO";
            case SOCKET -> "is a socket";
            default -> "is not a regular file";
        };
    }

    /** Where the bytes end up: the file (links resolved), the device, or {@code -} for a standard stream. */
    public Path path() {
        return target == null ? Path.of("-") : target;
    }

    public boolean isStandardOutput() {
        return kind == Kind.STANDARD_OUTPUT;
    }

    /** Writes {@code text} (UTF-8) whole, as {@link #write} does; returns where it went. */
    public Path writeText(String text) {
        return write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the whole content, as described above; returns where it went. */
    public Path write(Content content) {
        switch (kind) {
            case STANDARD_OUTPUT, STANDARD_ERROR -> toStream(content, kind == Kind.STANDARD_OUTPUT
                    ? outputs.standardOutput() : outputs.standardError());
            case DEVICE -> toDevice(content);
            case FILE -> toFile(content);
        }
        return path();
    }

    private void toStream(Content content, PrintWriter stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            content.writeTo(bytes);
        } catch (IOException e) {
            throw new CannotWriteException(shown + ": " + Reasons.of(e), e);
        }
        stream.print(bytes.toString(StandardCharsets.UTF_8));
        stream.flush();
        if (stream.checkError()) {
            throw new CannotWriteException(shown + ": cannot write to the standard stream");
        }
    }

    private void toDevice(Content content) {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            content.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new CannotWriteException(shown + ": cannot write " + target + " (" + Reasons.of(e) + ")", e);
        }
    }

    private void toFile(Content content) {
        folder.create();
        Path dir = target.getParent();
        Leftovers.removeStale(dir);
        Path temporary = Leftovers.temporaryIn(dir);
        try {
            // not Files.createTempFile: its files are owner-only (0600); this one gets the umask's permissions
            Leftovers.createBy(temporary, () -> Files.createFile(temporary));
            Ownership.keep(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Leftovers.commit(() -> Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE));
        } catch (IOException e) {
            throw new CannotWriteException(shown + ": cannot write " + target + " (" + Reasons.of(e) + ")", e);
        } finally {
            Leftovers.delete(temporary);
        }
    }
}
