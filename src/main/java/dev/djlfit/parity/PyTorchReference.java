package dev.djlfit.parity;

import dev.djlfit.experiment.ExperimentSpec;
import dev.djlfit.experiment.ResultJson;
import dev.djlfit.process.ChildProcess;
import dev.djlfit.process.ChildProcess.Finished;
import dev.djlfit.training.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * The article's PyTorch code, run by a real PyTorch: {@code src/reference/pytorch/article.py}
 * under a Python that can {@code import torch}, in its own process.
 */
public final class PyTorchReference {

    /** Debian's {@code python3-torch} (PyTorch 1.13) installs into the system Python. */
    public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    /** Where the reference script lives, relative to the project root. */
    public static final Path SCRIPT = Path.of("src", "reference", "pytorch", "article.py");

    public static final String INSTALL_HINT = "install it with: apt-get install -y python3-torch";

    /** How long one PyTorch process may run before it is stopped: the article's 100000 steps take seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Path python;
    private final Path script;
    private final Duration timeout;

    public PyTorchReference(Path python, Path script) {
        this(python, script, DEFAULT_TIMEOUT);
    }

    private PyTorchReference(Path python, Path script, Duration timeout) {
        this.python = python;
        this.script = script;
        this.timeout = timeout;
    }

    /** The same reference, each of its processes stopped after {@code timeout}. */
    public PyTorchReference withTimeout(Duration timeout) {
        return new PyTorchReference(python, script, timeout);
    }

    /**
     * The reference with the script found from the working directory: the project root or any
     * folder inside it.
     */
    public static PyTorchReference locate(Path python) {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null) {
            Path candidate = folder.resolve(SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return new PyTorchReference(python, candidate);
            }
            folder = folder.getParent();
        }
        throw new ReferenceUnavailableException("cannot find the PyTorch reference script " + SCRIPT
                + " in " + Path.of("").toAbsolutePath() + " or a folder above it; run from the project root");
    }

    public Path python() {
        return python;
    }

    public Path script() {
        return script;
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
     * Starts the reference run for an experiment; it trains in its own process while the caller
     * does something else (trains the Java side, say).
     */
    public Pending start(ExperimentSpec spec, TrainingConfig config) {
        List<String> args = new ArrayList<>(List.of(
                script.toString(),
                spec.name(),
                "--seed", Integer.toString(config.seed()),
                "--steps", Integer.toString(config.steps()),
                "--lr", Float.toString(config.learningRate()),
                "--hidden", Integer.toString(spec.architecture().widths()[1])));
        spec.architecture().activation().ifPresent(a -> args.addAll(List.of("--activation", a.id())));
        return start(args);
    }

    /** The reference run, start to end. */
    public ResultJson run(ExperimentSpec spec, TrainingConfig config) {
        try (Pending pending = start(spec, config)) {
            return pending.result();
        }
    }

    /**
     * Starts another script of the reference folder (e.g. {@code batched.py}) with these
     * arguments; the caller waits for what it prints with {@link Pending#output()}.
     */
    public Pending startScript(String scriptName, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(script.resolveSibling(scriptName).toString());
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

        /**
         * Waits for the run and reads its JSON.
         *
         * @throws ReferenceUnavailableException if the script failed, with its last error line, or did not
         *     print a run document
         */
        public ResultJson result() {
            String printed = output();
            try {
                return ResultJson.parse(printed);
            } catch (IllegalArgumentException e) {
                throw new ReferenceUnavailableException("the PyTorch reference " + python + " did not print a run"
                        + " document: its output begins '" + beginning(printed) + "' (" + e.getMessage() + ")");
            }
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
}
