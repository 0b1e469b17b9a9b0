package dev.djlfit.io;


import java.nio.file.Path;
import java.util.List;

/**
 * The folder a run writes its plots and tables into. Every file goes through {@link OutputFile}:
 * written whole or not at all, its name checked before the run trains.
 */
public final class OutputFolder {

    private final Folder folder;

    public OutputFolder(Folder folder) {
        this.folder = folder;
    }

    /** A folder outside any command (tests, tools): checked now, created at the first file. */
    public static OutputFolder open(Path dir) {
        return new OutputFolder(Outputs.standalone().folder("--out", dir));
    }

    public Path dir() {
        return folder.path();
    }

    /** Checks, before the run, that each of these files can be written here. */
    public void check(List<String> fileNames) {
        for (String name : fileNames) {
            folder.file(name);
        }
    }

    /** Writes {@code fileName} whole and returns its path. */
    public Path write(String fileName, OutputFile.Content content) {
        return folder.file(fileName).write(content);
    }

    /** Writes a text file (UTF-8) whole. */
    public Path writeText(String fileName, String text) {
        return folder.file(fileName).writeText(text);
    }
}
