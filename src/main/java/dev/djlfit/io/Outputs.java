package dev.djlfit.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every output of one run, checked before it trains: folders, files, the standard streams for
 * {@code -}. A run that does not reach {@link #succeeded()} (an error, Ctrl-C) removes the
 * folders it created, where they are still empty, so a failed run leaves no trace.
 */
public final class Outputs implements AutoCloseable {

    private final PrintWriter standardOutput;
    private final PrintWriter standardError;
    private final List<Path> created = new ArrayList<>();
    private final PathClaims claims = new PathClaims();
    private boolean succeeded;
    private boolean toStandardOutput;

    public Outputs(PrintWriter standardOutput, PrintWriter standardError) {
        this(standardOutput, standardError, false);
        Leftovers.register(this);
    }

    private Outputs(PrintWriter standardOutput, PrintWriter standardError, boolean keepsFolders) {
        this.standardOutput = standardOutput;
        this.standardError = standardError;
        this.succeeded = keepsFolders;
    }

    /** For code outside a command (tests, tools): the process's own streams; the folders it makes stay. */
    public static Outputs standalone() {
        return new Outputs(new PrintWriter(System.out, true), new PrintWriter(System.err, true), true);
    }

    /**
     * A file or folder the run reads ({@code --data FILE}): no output may be at its place. Name the
     * inputs before the outputs, so that the message names the output.
     */
    public void input(String option, Path path) {
        claims.claim(Folder.show(option, path), PathClaims.Kind.INPUT, path);
    }

    /** A folder to write into, created when the first file goes in; at no other input's or output's place. */
    public Folder folder(String option, Path dir) {
        Folder folder = Folder.check(this, option, dir, false);
        claims.claim(folder.shown(), PathClaims.Kind.FOLDER, folder.path());
        return folder;
    }

    /**
     * A file of its own ({@code --json FILE}), at no other input's or output's place; its missing
     * folders are made when it is written; {@code -} is the standard output.
     */
    public OutputFile file(String option, Path file) {
        OutputFile f = OutputFile.standalone(this, option, file);
        toStandardOutput |= f.isStandardOutput();
        return f;
    }

    /** Claims the place of a file this run writes (OutputFile's regular files, a saved model's). */
    void claimFile(String shown, Path file) {
        claims.claim(shown, PathClaims.Kind.FILE, file);
    }

    /**
     * Where the run's report goes: the standard output, or the standard error once an output
     * ({@code --json -}) has taken the standard output. Ask after the outputs are named.
     */
    public PrintWriter report() {
        return toStandardOutput ? standardError : standardOutput;
    }

    PrintWriter standardOutput() {
        return standardOutput;
    }

    PrintWriter standardError() {
        return standardError;
    }

    synchronized void created(Path dir) {
        created.add(dir);
    }

    /** The run wrote what it was asked to: the folders it made stay. */
    public synchronized void succeeded() {
        succeeded = true;
    }

    synchronized void removeCreatedFolders() {
        if (succeeded) {
            return;
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            Path dir = created.get(i);
            if (isEmpty(dir)) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // it stays, empty: nothing of the user's is lost
                }
            }
        }
        created.clear();
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        removeCreatedFolders();
        Leftovers.unregister(this);
    }
}
