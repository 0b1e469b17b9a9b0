package dev.djlfit.cli;

import dev.djlfit.report.AtomicFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** What a run writes besides what it prints: {@code --json FILE}. */
public final class OutputOptions {

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the run as JSON to FILE (the schema the PyTorch reference script"
                    + " src/reference/pytorch/article.py writes): parameters, loss every 1000 steps,"
                    + " predictions. Written atomically: FILE is whole or untouched.")
    Path json;

    /** The JSON file to write, checked before any training so a long run is never lost to a bad path. */
    public Optional<Path> json() {
        if (json == null) {
            return Optional.empty();
        }
        String problem = AtomicFiles.problemWriting(json);
        if (problem != null) {
            throw new UserInputException("--json " + json + ": " + problem);
        }
        return Optional.of(json);
    }
}
