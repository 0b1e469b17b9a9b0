package dev.djlfit.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder a run writes into, checked before the run starts and created (with any missing
 * parents) only when the first file goes in, so that a run that fails first leaves no folder.
 * The check tries what the run will do: it creates a temporary entry there and removes it, so the
 * reason the system gives (permission denied, read-only file system, /proc) is known up front.
 */
public final class Folder {

    /** Linux's limits: NAME_MAX bytes per name, PATH_MAX bytes for a whole path. */
    static final int NAME_MAX = 255;
    static final int PATH_MAX = 4095;

    private final Outputs outputs;
    private final String option;
    private final String shown;
    private final Path path;
    private boolean created;

    private Folder(Outputs outputs, String option, Path dir, Path path) {
        this.outputs = outputs;
        this.option = option;
        this.shown = show(option, dir);
        this.path = path;
    }

    /**
     * @param option how to name it in messages, e.g. {@code --out}
     * @param mustExist whether a missing folder is an error rather than created
     * @throws CannotWriteException naming the path and the reason, where files cannot go there
     */
    static Folder check(Outputs outputs, String option, Path dir, boolean mustExist) {
        return check(outputs, option, show(option, dir), dir, mustExist);
    }

    /** @param shown how to name the output in messages, e.g. {@code --json /proc/x.json} for its folder /proc */
    static Folder check(Outputs outputs, String option, String shown, Path dir, boolean mustExist) {
        Path absolute = dir.toAbsolutePath().normalize();
        String it = shown.equals(show(option, dir)) ? "" : abbreviate(absolute.toString()) + " ";
        checkLengths(shown, absolute);
        if (Files.isDirectory(absolute)) {
            probe(shown, absolute, false);
            return new Folder(outputs, option, dir, absolute);
        }
        if (Files.exists(absolute)) {
            throw new CannotWriteException(shown + ": " + it + OutputFile.describe(absolute) + ", not a folder");
        }
        if (Files.isSymbolicLink(absolute)) {
            throw new CannotWriteException(shown + ": " + it + "is a link to a folder that does not exist");
        }
        if (mustExist) {
            throw new CannotWriteException(shown + ": folder " + absolute + " does not exist");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw new CannotWriteException(shown + ": " + existing + " is a link to a folder that does not exist");
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new CannotWriteException(shown + ": no folder on the way exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new CannotWriteException(shown + ": " + existing + " " + OutputFile.describe(existing) + ", not a folder");
        }
        probe(shown, existing, true);
        return new Folder(outputs, option, dir, absolute);
    }

    /** {@code --out DIR} for a message, a path too long to read shortened in its middle. */
    static String show(String option, Path path) {
        String text = path.toString();
        return option + " " + abbreviate(text.endsWith("/.") ? text.substring(0, text.length() - 1) : text);
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 60) + "..." + text.substring(text.length() - 40);
    }

    static void checkLengths(String shown, Path absolute) {
        if (absolute.toString().getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
            throw new CannotWriteException(shown + ": the path is longer than the system's limit of " + PATH_MAX
                    + " bytes (File name too long)");
        }
        for (Path name : absolute) {
            int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                throw new CannotWriteException(shown + ": a name in it is " + bytes + " bytes, longer than the"
                        + " file system's limit of " + NAME_MAX + " (File name too long)");
            }
        }
    }

    /** Creates and removes a temporary entry in {@code dir}: what the run will do, tried now. */
    private static void probe(String shown, Path dir, boolean asFolder) {
        Path probe = Leftovers.temporaryIn(dir);
        try {
            Leftovers.createBy(probe, () -> {
                if (asFolder) {
                    Files.createDirectory(probe);
                } else {
                    Files.createFile(probe);
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CannotWriteException(shown + ": " + dir + " takes no new files (a virtual file system such as /proc?)");
        } catch (IOException e) {
            throw new CannotWriteException(shown + ": cannot create files in " + dir + " (" + Reasons.of(e) + ")");
        } finally {
            Leftovers.delete(probe);
        }
    }

    public Path path() {
        return path;
    }

    String option() {
        return option;
    }

    String shown() {
        return shown;
    }

    Outputs outputs() {
        return outputs;
    }

    /** Claims {@code fileName} in this folder for the run (a saved model's own files), so no other output goes there. */
    public void claim(String fileName) {
        outputs.claimFile(shown + ": " + fileName, path.resolve(fileName));
    }

    /** A file of this folder, checked now. */
    public OutputFile file(String fileName) {
        return OutputFile.inFolder(this, fileName);
    }

    /** Creates the folder and any missing parents, remembering which, for a failed run to remove. */
    public synchronized void create() {
        if (created && Files.isDirectory(path)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = path; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                outputs.created(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw new CannotWriteException(shown + ": cannot create " + p + " (" + OutputFile.describe(p) + ")");
                }
            } catch (IOException e) {
                throw new CannotWriteException(shown + ": cannot create " + p + " (" + Reasons.of(e) + ")", e);
            }
        }
        created = true;
    }
}
