package dev.djlfit.parity;

import dev.djlfit.trace.Trace;
import dev.djlfit.trace.TraceJson;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.Tutorials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * A tutorial port against its reference program ({@code src/reference/pytorch/tutorials.py}) from
 * the same seed: the reference in its process, the port in this one, at the same time unless the
 * port is to train on the reference's inputs.
 */
public final class TutorialParity {

    public static final String SCRIPT = "tutorials.py";

    private final PyTorchReference reference;

    public TutorialParity(PyTorchReference reference) {
        this.reference = reference;
    }

    /**
     * @param steps the steps ({@link Tutorial#steps(int)})
     * @param feedReferenceInputs train the port on the reference's x and y (the reference runs first)
     * @param javaLines where the port's printed lines go
     */
    public TutorialComparison run(Tutorial tutorial, long seed, int steps, boolean feedReferenceInputs,
            Consumer<String> javaLines) {
        Path folder;
        try {
            folder = Files.createTempDirectory("djlfit-tutorial-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path out = folder.resolve("reference.json");
        try {
            FutureTask<Trace> pytorch = new FutureTask<>(() -> {
                reference.runScript(SCRIPT, List.of(tutorial.name(), "--seed", Long.toString(seed),
                        "--steps", Integer.toString(steps), "--out", out.toString()));
                return TraceJson.read(out);
            });
            Thread thread = new Thread(pytorch, "pytorch-" + tutorial.name());
            thread.setDaemon(true);
            thread.start();
            Trace java;
            Trace reference;
            if (feedReferenceInputs) {
                reference = await(pytorch);
                java = Tutorials.run(tutorial, seed, steps, Optional.of(reference.inputs()), javaLines);
            } else {
                java = Tutorials.run(tutorial, seed, steps, Optional.empty(), javaLines);
                reference = await(pytorch);
            }
            return TutorialComparison.of(java, reference, feedReferenceInputs);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the comparison for
            }
        }
    }

    private static Trace await(FutureTask<Trace> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the PyTorch reference", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException(new IOException("reading the reference's trace", e.getCause()));
        }
    }
}
