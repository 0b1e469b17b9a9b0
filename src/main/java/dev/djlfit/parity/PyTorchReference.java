package dev.djlfit.parity;

import dev.djlfit.io.CannotReadException;
import dev.djlfit.io.Reasons;
import dev.djlfit.io.TextInput;
import dev.djlfit.io.ChildProcess;
import dev.djlfit.io.ChildProcess.Finished;
import dev.djlfit.program.InvalidTraceException;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import dev.djlfit.program.Program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * The reference programs, run by a real PyTorch: a script of {@code src/reference/pytorch/}
 * ({@code article.py} for the article's experiments, {@code tutorials.py} and {@code basics.py} for
 * the tutorial ports, each called {@code NAME --seed S --steps N --out FILE}) under a Python that can
 * {@code import torch}, each in its own process, writing its trace.
 */
public final class PyTorchReference {

    /** Debian's {@code python3-torch} (PyTorch 1.13) installs into the system Python. */
    public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    /** Where the reference scripts live, relative to the project root. */
    public static final Path FOLDER = Path.of("src", "reference", "pytorch");

    /** The module every reference writes its trace with: it marks the folder. */
    private static final String TRACE_MODULE = "djlfit_trace.py";

    public static final String INSTALL_HINT = "install it with: apt-get install -y python3-torch";

    /** How long one PyTorch process may run before it is stopped: the article's 100000 steps take seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Path python;
    private final Path folder;
    private final Duration timeout;

    /** @param folder the folder of the reference scripts */
    public PyTorchReference(Path python, Path folder) {
        this(python, folder, DEFAULT_TIMEOUT);
    }

    private PyTorchReference(Path python, Path folder, Duration timeout) {
        this.python = python;
        this.folder = folder;
        this.timeout = timeout;
    }

    /** The same reference, each of its processes stopped after {@code timeout}. */
    public PyTorchReference withTimeout(Duration timeout) {
        return new PyTorchReference(python, folder, timeout);
    }

    /**
     * The reference with the scripts' folder found from the working directory: the project root or any
     * folder inside it.
     */
    public static PyTorchReference locate(Path python) {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null) {
            Path candidate = folder.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve(TRACE_MODULE))) {
                return new PyTorchReference(python, candidate);
            }
            folder = folder.getParent();
        }
        throw new ReferenceUnavailableException("cannot find the PyTorch reference scripts " + FOLDER
                + " in " + Path.of("").toAbsolutePath() + " or a folder above it; run from the project root");
    }

    public Path python() {
        return python;
    }

    /** The reference script of this name, e.g. {@code article.py}. */
    public Path script(String name) {
        return folder.resolve(name);
    }

    /**
     * {@code torch.__version__} of the Python this reference runs.
     *
     * @throws ReferenceUnavailableException saying how to install PyTorch, if it cannot be imported
     */
    public String torchVersion() {
        if (!Files.isExecutable(python)) {
            throw new ReferenceUnavailableException(python + " not found, so the PyTorch reference cannot run; "
                    + INSTALL_HINT);
        }
        Finished done;
        try (Pending check = start(List.of("-c", "import torch; print(torch.__version__)"))) {
            done = check.finish();
        }
        if (done.exitCode() != 0) {
            throw new ReferenceUnavailableException(python + " cannot import torch (" + lastLine(done.stderr())
                    + "); " + INSTALL_HINT);
        }
        return done.stdout().strip();
    }

    /**
     * Starts a program's reference ({@link Program#referenceScript()}), writing its trace into a
     * temporary folder of its own; it runs in its process while the caller does something else
     * (runs the Java side, say).
     *
     * @param steps steps, or epochs for a program that trains by epoch
     * @param data the FashionMNIST folder, for a program that trains by epoch
     * @throws ReferenceUnavailableException if it cannot start
     */
    public ReferenceProcess start(Program program, long seed, int steps, Path data) {
        Path temporary;
        try {
            temporary = Files.createTempDirectory("djlfit-reference-");
        } catch (IOException e) {
            throw new ReferenceUnavailableException("cannot make a temporary folder for the PyTorch reference's"
                    + " trace (" + Reasons.of(e) + ")");
        }
        Path out = temporary.resolve("reference.json");
        List<String> args = new ArrayList<>(program.byEpoch()
                ? List.of(program.name(), "--seed", Long.toString(seed), "--epochs", Integer.toString(steps),
                        "--data", data.toString(), "--model", temporary.resolve("reference.pth").toString())
                : List.of(program.name(), "--seed", Long.toString(seed), "--steps", Integer.toString(steps)));
        args.addAll(program.referenceOptions());
        args.addAll(List.of("--out", out.toString()));
        try {
            return new ReferenceProcess(startScript(program.referenceScript(), args), temporary, out,
                    python + " " + script(program.referenceScript()) + " " + program.name());
        } catch (RuntimeException e) {
            ReferenceProcess.delete(temporary, out);
            throw e;
        }
    }

    /**
     * Starts another script of the reference folder (e.g. {@code batched.py}) with these
     * arguments; the caller waits for what it prints with {@link Pending#output()}.
     */
    public Pending startScript(String scriptName, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(script(scriptName).toString());
        all.addAll(args);
        return start(all);
    }

    private Pending start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(python.toString());
        command.addAll(args);
        try {
            return new Pending(ChildProcess.start(command, ChildProcess.DEFAULT_OUTPUT_CAP), String.join(" ", command),
                    python, timeout);
        } catch (IOException e) {
            throw new ReferenceUnavailableException("cannot run " + python + " (" + e.getMessage() + "); "
                    + INSTALL_HINT);
        }
    }

    /** The first line of what a reference printed, cut at 60 characters; empty if it printed nothing. */
    static String beginning(String printed) {
        String first = printed.strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 60) + "..." : first;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    }


    /** A reference process under way, in the bounds of a {@link ChildProcess}. */
    public static final class Pending implements AutoCloseable {
        private final ChildProcess process;
        private final String command;
        private final Path python;
        private final Duration timeout;

        private Pending(ChildProcess process, String command, Path python, Duration timeout) {
            this.process = process;
            this.command = command;
            this.python = python;
            this.timeout = timeout;
        }

        /** The running process (e.g. to watch its memory). */
        public ProcessHandle process() {
            return process.handle();
        }

        /**
         * Waits for the run and returns what it printed.
         *
         * @throws ReferenceUnavailableException if the script failed, with its last error line
         */
        public String output() {
            Finished done = finish();
            if (done.exitCode() != 0) {
                throw new ReferenceUnavailableException("the PyTorch reference failed (exit " + done.exitCode() + "): "
                        + lastLine(done.stderr()) + " [" + command + "]");
            }
            return done.stdout();
        }

        private Finished finish() {
            try {
                return process.await(timeout);
            } catch (ChildProcess.TimedOutException e) {
                throw new ReferenceUnavailableException(python + " " + e.getMessage()
                        + " (raise the limit with --python-timeout SECONDS)");
            } catch (ChildProcess.OutputTooLargeException e) {
                throw new ReferenceUnavailableException("the PyTorch reference " + python + " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReferenceUnavailableException("interrupted while waiting for " + python + "; it was stopped");
            }
        }

        /** Stops the process (and what it started) if it still runs, e.g. when the Java side failed first. */
        @Override
        public void close() {
            process.close();
        }
    }

    /** A reference program under way; closing it stops it if it still runs and removes its trace. */
    public static final class ReferenceProcess implements AutoCloseable {

        private final Pending process;
        private final Path folder;
        private final Path out;
        private final String shown;

        private ReferenceProcess(Pending process, Path folder, Path out, String shown) {
            this.process = process;
            this.folder = folder;
            this.out = out;
            this.shown = shown;
        }

        /** The running process (e.g. to watch its memory). */
        public ProcessHandle process() {
            return process.process();
        }

        /** Where the reference writes its files (its trace, a model a port may write beside it). */
        public Path folder() {
            return folder;
        }

        /**
         * Waits for the run and reads its trace.
         *
         * @throws ReferenceUnavailableException if it failed, wrote no trace or not a trace, in one line
         */
        public Trace trace() {
            String printed = process.output();
            if (!Files.exists(out)) {
                String first = beginning(printed);
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
