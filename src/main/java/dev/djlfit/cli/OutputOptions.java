package dev.djlfit.cli;

import dev.djlfit.report.OutputFolder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's files go, and whether it reports progress: {@code --out}, {@code --quiet},
 * {@code --json}.
 */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the plots and tables this run writes; created if missing"
                    + " (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "djl-fit");

    @Option(names = {"-q", "--quiet"},
            description = "No progress on stderr (by default: a progress bar on a terminal,"
                    + " a plain line every tenth of the run otherwise).")
    boolean quiet;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the run as JSON to FILE (the schema the PyTorch reference script"
                    + " src/reference/pytorch/article.py writes): parameters, loss every 1000 steps,"
                    + " predictions. Written atomically: FILE is whole or untouched.")
    Path json;

    /** The output folder, created and checked before any training starts. */
    OutputFolder folder() {
        try {
            return OutputFolder.open(out);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--out " + out + ": cannot write there (" + e.getMessage() + ")");
        }
    }

    /** The JSON file to write, checked before any training so a long run is never lost to a bad path. */
    Optional<Path> json() {
        if (json == null) {
            return Optional.empty();
        }
        Path folder = json.toAbsolutePath().getParent();
        if (Files.isDirectory(json)) {
            throw new UserInputException("--json " + json + ": is a folder, not a file");
        }
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new UserInputException("--json " + json + ": folder " + folder + " does not exist or is not writable");
        }
        return Optional.of(json);
    }
}
