package dev.djlfit.parity;

import dev.djlfit.files.CannotReadException;
import dev.djlfit.files.Reasons;
import dev.djlfit.files.TextInput;
import dev.djlfit.trace.InvalidTraceException;
import dev.djlfit.trace.Trace;
import dev.djlfit.trace.TraceJson;
import dev.djlfit.tutorials.DataSettings;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.Tutorials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tutorial port against its reference program ({@code src/reference/pytorch/tutorials.py}) from
 * the same seed: the reference in its process, the port in this one, at the same time unless the
 * port is to train on the reference's inputs.
 */
public final class TutorialParity {

    public static final String SCRIPT = "tutorials.py";

    /** The reference of the programs that train by epoch on FashionMNIST ("Learn the Basics"). */
    public static final String BASICS_SCRIPT = "basics.py";

    private final PyTorchReference reference;
    private final Path data;

    public TutorialParity(PyTorchReference reference) {
        this(reference, DataSettings.DEBIAN_FASHION_MNIST);
    }

    /** @param data the FashionMNIST folder both sides read, for the programs that train by epoch */
    public TutorialParity(PyTorchReference reference, Path data) {
        this.reference = reference;
        this.data = data;
    }

    /** The script that holds a program's reference. */
    public static String script(Tutorial tutorial) {
        return tutorial.byEpoch() ? BASICS_SCRIPT : SCRIPT;
    }

    /**
     * Both runs, each trace with the extrapolation of its fit.
     *
     * @param steps the steps ({@link Tutorial#steps(int)})
     * @param feedReferenceInputs train the port on the reference's x and y (the reference runs first)
     * @param javaLines where the port's printed lines go
     * @throws ReferenceUnavailableException if the reference failed or wrote no trace
     */
    public TutorialComparison run(Tutorial tutorial, long seed, int steps, boolean feedReferenceInputs,
            Consumer<String> javaLines) {
        if (feedReferenceInputs && tutorial.byEpoch()) {
            throw new IllegalArgumentException(tutorial.name() + " reads a data set: it has no x and y to feed");
        }
        try (ReferenceRun pytorch = start(tutorial, seed, steps)) {
            Trace java;
            Trace reference;
            if (feedReferenceInputs) {
                reference = pytorch.trace();
                java = Tutorials.run(tutorial, seed, steps, Optional.of(reference.inputs()), javaLines);
            } else {
                java = Tutorials.run(tutorial, seed, steps, Optional.empty(),
                        new DataSettings(data, pytorch.folder, Optional.empty()), javaLines);
                reference = pytorch.trace();
            }
            return TutorialComparison.of(java, Tutorials.withExtrapolation(tutorial, reference), feedReferenceInputs);
        }
    }

    /**
     * Starts the reference program, writing its trace into a temporary folder of its own; it runs
     * in its process while the caller does something else.
     *
     * @throws ReferenceUnavailableException if it cannot start
     */
    public ReferenceRun start(Tutorial tutorial, long seed, int steps) {
        Path folder;
        try {
            folder = Files.createTempDirectory("djlfit-tutorial-");
        } catch (IOException e) {
            throw new ReferenceUnavailableException("cannot make a temporary folder for the PyTorch reference's"
                    + " trace (" + Reasons.of(e) + ")");
        }
        Path out = folder.resolve("reference.json");
        List<String> args = tutorial.byEpoch()
                ? List.of(tutorial.name(), "--seed", Long.toString(seed), "--epochs", Integer.toString(steps),
                        "--data", data.toString(), "--model", folder.resolve("reference.pth").toString(),
                        "--out", out.toString())
                : List.of(tutorial.name(), "--seed", Long.toString(seed), "--steps", Integer.toString(steps),
                        "--out", out.toString());
        try {
            return new ReferenceRun(reference.startScript(script(tutorial), args), folder, out,
                    reference.python() + " " + reference.script().resolveSibling(script(tutorial)) + " "
                            + tutorial.name());
        } catch (RuntimeException e) {
            ReferenceRun.delete(folder, out);
            throw e;
        }
    }

    /** The reference program under way; closing it stops it if it still runs and removes its trace. */
    public static final class ReferenceRun implements AutoCloseable {

        private final PyTorchReference.Pending process;
        private final Path folder;
        private final Path out;
        private final String shown;

        private ReferenceRun(PyTorchReference.Pending process, Path folder, Path out, String shown) {
            this.process = process;
            this.folder = folder;
            this.out = out;
            this.shown = shown;
        }

        /** The running process (e.g. to watch its memory). */
        public ProcessHandle process() {
            return process.process();
        }

        /**
         * Waits for the run and reads its trace.
         *
         * @throws ReferenceUnavailableException if it failed, wrote no trace or not a trace, in one line
         */
        public Trace trace() {
            String printed = process.output();
            if (!Files.exists(out)) {
                String first = PyTorchReference.beginning(printed);
                throw new ReferenceUnavailableException("the PyTorch reference (" + shown + ") wrote no trace"
                        + (first.isEmpty() ? "" : "; its output begins '" + first + "'"));
            }
            String json;
            try {
                json = TextInput.read(out, TraceJson.MAX_BYTES, "the trace of the PyTorch reference (" + shown + ")");
            } catch (CannotReadException e) {
                throw new ReferenceUnavailableException(e.getMessage());
            }
            try {
                return TraceJson.parse(json, "what the PyTorch reference (" + shown + ") wrote");
            } catch (InvalidTraceException e) {
                throw new ReferenceUnavailableException(e.getMessage());
            }
        }

        @Override
        public void close() {
            process.close();
            delete(folder, out);
        }

        /** Removes the trace, the models both sides wrote there and the folder. */
        private static void delete(Path folder, Path out) {
            try {
                Files.deleteIfExists(out);
                for (String model : List.of("reference.pth", "model.pth", "model_weights.pth")) {
                    Files.deleteIfExists(folder.resolve(model));
                }
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the comparison for
            }
        }
    }
}
