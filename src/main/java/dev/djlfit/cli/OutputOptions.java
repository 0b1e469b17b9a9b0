package dev.djlfit.cli;

import dev.djlfit.report.OutputFolder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where a run's files go, and whether it reports progress: {@code --out}, {@code --quiet}. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the plots and tables this run writes; created if missing"
                    + " (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "djl-fit");

    @Option(names = {"-q", "--quiet"},
            description = "No progress on stderr (by default: a progress bar on a terminal,"
                    + " a plain line every tenth of the run otherwise).")
    boolean quiet;

    /** The output folder, created and checked before any training starts. */
    OutputFolder folder() {
        try {
            return OutputFolder.open(out);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--out " + out + ": cannot write there (" + e.getMessage() + ")");
        }
    }
}
