package dev.djlfit.cli;

import dev.djlfit.io.OutputFile;
import dev.djlfit.io.Outputs;
import dev.djlfit.io.OutputFolder;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's files go, and whether it reports progress: {@code --out}, {@code --quiet},
 * {@code --json}. Every path is checked before any training, so a long run is never lost to a bad
 * path; nothing is created until there is something to write.
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
            description = "Also write the run's results as JSON to FILE (train, walkthrough: the run's trace plus its settings,"
                    + " docs/trace-format.md, that judge reads; - for the standard output; the report"
                    + " then goes to stderr). Written whole: FILE is complete or untouched, its missing folders made; a link is written"
                    + " through, a device or FIFO written directly.")
    Path json;

    /** The output folder, checked; created when the first file goes in. */
    OutputFolder folder(Outputs outputs) {
        return new OutputFolder(outputs.folder("--out", out));
    }

    /** The JSON file to write, checked. */
    Optional<OutputFile> json(Outputs outputs) {
        return json == null ? Optional.empty() : Optional.of(outputs.file("--json", json));
    }
}
