package dev.djlfit.article.saving;

import dev.djlfit.io.CannotWriteException;
import dev.djlfit.io.Folder;
import dev.djlfit.io.Leftovers;
import dev.djlfit.io.Outputs;
import dev.djlfit.io.Ownership;
import dev.djlfit.io.Reasons;
import dev.djlfit.io.TextInput;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a model is saved: checked before training starts, so that a bad {@code --save} fails at
 * once and not after an hour of training; written only when the run has a model to save.
 *
 * <p>Only the model's own files are ever touched: {@value #DESCRIPTION}, the parameter file it
 * names, the parameter files a save recorded as its own before creating them, and this project's
 * short temporary names; anything else in the folder (notes, plots, a {@code net-0005.params} of
 * the user's) stays. At every instant the folder holds either the complete old model or the
 * complete new one, whatever stops the run:
 *
 * <ol>
 *   <li>the new parameters go into a parameter file of a name the old {@value #DESCRIPTION} does
 *       not use ({@code net-0001.params} beside {@code net-0000.params}), flushed to disk;
 *   <li>the new {@value #DESCRIPTION}, which names that file and its SHA-256, is written under a
 *       temporary name and renamed over the old one: the one atomic switch;
 *   <li>the old parameter file, no longer named by anything, is removed.
 * </ol>
 *
 * A run stopped before the switch leaves the old model, and its own files are removed as the JVM
 * exits (Ctrl-C, kill) or by the next save into the folder (kill -9). Saves into one folder take
 * turns (a lock file there while one saves), so two racing runs each save whole, one after the other.
 * A {@code --save} that is a symbolic link to a folder saves into that folder; the link stays.
 */
public final class SaveTarget {

    /** The file that marks a directory as a saved model. */
    public static final String DESCRIPTION = "model.json";

    private static final String LOCK = ".djl-fit-save.lock";
    /**
     * The parameter files a save under way creates, and the old one it removes after its switch,
     * written before it does either: what a save killed with -9 left is removed by the next one
     * from this list alone, never by its name.
     */
    private static final String OWNED = ".djl-fit-save.owned";

    private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_THIS_PROCESS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Folder folder;
    private final String shown;

    /** What the save writes, given the folder to write the parameter file into and its name. */
    @FunctionalInterface
    public interface Writer {
        /** @return the text of {@value #DESCRIPTION} for the parameter file written */
        String write(Path staging, String parameterFileName) throws IOException;
    }

    private SaveTarget(Folder folder, String shown) {
        this.folder = folder;
        this.shown = shown;
    }

    /** Outside a command (tests, tools). */
    public static SaveTarget prepare(Path dir, String option) {
        try {
            return prepare(Outputs.standalone().folder(option, dir), option + " " + dir);
        } catch (CannotWriteException e) {
            throw new SavedModelException(e.getMessage(), e);
        }
    }

    /**
     * Checks that the folder can take a saved model: new, empty, or an earlier saved model.
     *
     * @param shown how to name it in messages, e.g. {@code --save models/m}
     * @throws SavedModelException where it cannot
     */
    public static SaveTarget prepare(Folder folder, String shown) {
        Path dir = folder.path();
        recoverEarlierLayout(dir);
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(DESCRIPTION)) && !onlyOurs(dir, shown)) {
            throw new SavedModelException(shown + ": is a directory that is neither empty nor a saved model;"
                    + " give a new or empty directory (nothing there is overwritten)");
        }
        folder.claim(DESCRIPTION);
        return new SaveTarget(folder, shown);
    }

    /**
     * Earlier versions replaced the whole folder: moved the old model aside to {@code .NAME.replaced-N},
     * the new one in from {@code .NAME.saving-N}. A run killed between the two left the folder
     * missing: the old model goes back; the rest of what they left is removed.
     */
    private static void recoverEarlierLayout(Path dir) {
        Path parent = dir.getParent();
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (parent == null || name.isEmpty() || !Files.isDirectory(parent)) {
            return;
        }
        try {
            List<Path> left = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + globQuote(name) + ".{saving,replaced}-*")) {
                entries.forEach(left::add);
            }
            for (Path p : left) {
                if (p.getFileName().toString().startsWith("." + name + ".replaced-") && !Files.exists(dir)
                        && Files.isRegularFile(p.resolve(DESCRIPTION))) {
                    Files.move(p, dir, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            for (Path p : left) {
                boolean complete = Files.isRegularFile(p.resolve(DESCRIPTION));
                if (Files.isDirectory(p) && (!complete || Files.isRegularFile(dir.resolve(DESCRIPTION)))) {
                    Leftovers.delete(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left as it was; the save itself does not need it
        }
    }

    private static String globQuote(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    /** Empty, or only what a killed save of ours left (parameter files only where it recorded them). */
    private static boolean onlyOurs(Path dir, String shown) {
        Set<String> owned = owned(dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!owned.contains(name) && !name.equals(LOCK) && !name.equals(OWNED)
                        && !Leftovers.isTemporaryName(name)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new SavedModelException(shown + ": cannot read the directory (" + Reasons.of(e) + ")", e);
        }
    }

    public Path target() {
        return folder.path();
    }

    public String shown() {
        return shown;
    }

    /** Saves: the writer fills a staging folder, then the model is switched in as described above. */
    public void save(Writer writer) throws IOException {
        folder.create();
        Path dir = folder.path();
        // the file lock keeps other processes out; threads of this one take turns here (a JVM holds one lock per file)
        synchronized (IN_THIS_PROCESS.computeIfAbsent(dir.toRealPath(), d -> new Object())) {
            saveInTurn(writer, dir);
        }
    }

    private void saveInTurn(Writer writer, Path dir) throws IOException {
        try (Turn turn = Turn.take(dir.resolve(LOCK), shown)) {
            Leftovers.removeStale(dir);
            Optional<String> old = currentParameterFile(dir);
            removeOrphans(dir, old);
            String name = freeName(dir, old);
            Path staging = Leftovers.temporaryIn(dir);
            Path parameters = dir.resolve(name);
            Path description = Leftovers.temporaryIn(dir);
            Path owned = dir.resolve(OWNED);
            Runnable onExit = () -> {
                try {
                    removeOrphans(dir, currentParameterFile(dir));
                } catch (IOException e) {
                    // the list stays; the next save removes them
                }
            };
            Leftovers.registerExitStep(onExit);
            try {
                recordOwned(owned, old.isPresent() ? name + "\n" + old.get() : name);
                // the staging folder is made and filled in one step under the clean-up's lock: DJL's
                // save makes a folder it does not find, so a Ctrl-C clean-up between the two would be undone
                String json = Leftovers.create(staging, () -> {
                    Files.createDirectory(staging);
                    return writer.write(staging, name);
                });
                Path written = staging.resolve(name);
                force(written);
                Leftovers.createBy(parameters, () -> Files.move(written, parameters, StandardCopyOption.ATOMIC_MOVE));
                Leftovers.createBy(description, () -> Files.createFile(description));
                Files.writeString(description, json, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Ownership.keep(dir.resolve(DESCRIPTION), description);
                force(description);
                force(dir);
                Leftovers.commit(() -> {
                    Files.move(description, dir.resolve(DESCRIPTION), StandardCopyOption.ATOMIC_MOVE);
                    Leftovers.forget(parameters);
                });
                force(dir);
                if (old.isPresent() && !old.get().equals(name)) {
                    Files.deleteIfExists(dir.resolve(old.get()));
                }
            } catch (IOException e) {
                throw new SavedModelException(shown + ": cannot save into " + dir + " (" + Reasons.of(e) + ");"
                        + " what was there before is unchanged", e);
            } finally {
                Leftovers.delete(staging);
                Leftovers.delete(description);
                if (!isNamedBy(dir, name)) {
                    Leftovers.delete(parameters);
                }
                Leftovers.unregisterExitStep(onExit);
                Leftovers.delete(owned);
            }
        }
    }

    /** The first parameter file name that neither the current model uses nor anything in the folder has. */
    private static String freeName(Path dir, Optional<String> old) {
        for (int epoch = 0; ; epoch++) {
            String name = DjlParameterFile.fileName(epoch);
            if (!old.filter(name::equals).isPresent() && !Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return name;
            }
        }
    }

    /**
     * Writes the list of what this save creates, and the old parameter file it removes after its
     * switch, before it does either: flushed, under a temporary name first.
     */
    private static void recordOwned(Path owned, String names) throws IOException {
        Path temporary = Leftovers.temporaryIn(owned.getParent());
        try {
            Leftovers.createBy(temporary, () -> Files.writeString(temporary, names + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            force(temporary);
            Leftovers.createBy(owned, () -> Files.move(temporary, owned, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING));
            force(owned.getParent());
        } finally {
            Leftovers.delete(temporary);
        }
    }

    /** The parameter files a killed save recorded as its own; empty where none was killed. */
    private static Set<String> owned(Path dir) {
        Path owned = dir.resolve(OWNED);
        if (!Files.isRegularFile(owned, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        try {
            Set<String> names = new HashSet<>();
            for (String line : TextInput.read(owned, 1 << 16, owned.toString()).split("\n")) {
                if (DjlParameterFile.isFileName(line.strip())) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (RuntimeException e) {
            return Set.of(); // unreadable: nothing is taken for ours
        }
    }

    private static boolean isNamedBy(Path dir, String name) {
        return currentParameterFile(dir).filter(name::equals).isPresent();
    }

    /** The parameter file the current {@value #DESCRIPTION} names, where it names one of ours. */
    private static Optional<String> currentParameterFile(Path dir) {
        Path description = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            return Optional.empty();
        }
        try {
            String json = TextInput.read(description, ModelDescription.MAX_BYTES, description.toString());
            String name = ModelDescription.fromJson(json, description.toString()).parameterFile();
            return DjlParameterFile.isFileName(name) ? Optional.of(name) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parameter files that a killed save recorded as its own and no description names: what it
     * left before its switch. A file it did not record is never removed, whatever its name.
     */
    private static void removeOrphans(Path dir, Optional<String> named) throws IOException {
        boolean hasDescription = Files.exists(dir.resolve(DESCRIPTION));
        if (hasDescription && named.isEmpty()) {
            return; // an unreadable description: touch nothing it might name
        }
        for (String name : owned(dir)) {
            Path p = dir.resolve(name);
            if (!named.filter(name::equals).isPresent() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(dir.resolve(OWNED));
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, Files.isDirectory(path)
                ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw e;
            }
            // some file systems cannot flush a folder; the rename is still atomic
        }
    }

    /** The lock file of a folder, held while one run saves into it; removed when it is done. */
    private record Turn(Path file, FileChannel channel, FileLock lock) implements AutoCloseable {

        static Turn take(Path file, String shown) {
            for (int attempt = 0; ; attempt++) {
                FileChannel channel = null;
                try {
                    channel = open(file);
                    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                    FileLock lock = channel.lock();
                    // the run before removed the file as it finished: take the turn on a file that is there
                    if (Files.exists(file) && key.equals(Files.readAttributes(file, BasicFileAttributes.class).fileKey())) {
                        Leftovers.adopt(file);
                        return new Turn(file, channel, lock);
                    }
                    channel.close();
                } catch (NoSuchFileException e) {
                    closeQuietly(channel);
                } catch (IOException e) {
                    closeQuietly(channel);
                    throw new SavedModelException(shown + ": cannot lock " + file + " (" + Reasons.of(e) + ")", e);
                }
                if (attempt > 100) {
                    throw new SavedModelException(shown + ": cannot take a turn to save (" + file + " keeps changing)");
                }
            }
        }

        /** The lock file, made now (removed at exit) or, where a run before left it, as it is. */
        private static FileChannel open(Path file) throws IOException {
            try {
                return Leftovers.create(file, () -> FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                return FileChannel.open(file, StandardOpenOption.WRITE);
            }
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing to add
            }
        }

        @Override
        public void close() {
            Leftovers.delete(file);
            closeQuietly(channel);
        }
    }
}
