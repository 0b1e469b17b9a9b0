package dev.djlfit.io;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a run: every file it wrote, one per line, so a script can pick them up. */
public final class FilesWritten {

    private FilesWritten() {}

    public static void print(PrintWriter out, List<Path> files) {
        out.println();
        out.println("files written (" + files.size() + "):");
        for (Path file : files) {
            out.println("  " + file);
        }
        out.flush();
    }
}
