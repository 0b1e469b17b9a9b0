package dev.djlfit.parity;

import static org.junit.jupiter.api.Assertions.fail;

import dev.djlfit.article.Experiments;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.ArticleExperiment;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PyTorch reference for tests: skips the calling test, with a message saying how to install
 * PyTorch, when {@code /usr/bin/python3} cannot import torch; fails it instead when the
 * environment variable {@code DJLFIT_REQUIRE_PYTORCH} is set (as {@code .ci/run} sets it), so a
 * broken install in CI cannot turn the parity tests into silent skips. {@code -Ddjlfit.python=PATH}
 * checks against another Python's PyTorch (a PyTorch 2.x in a virtual environment, say).
 */
public final class PyTorchForTests {

    private static final String UNAVAILABLE;
    private static final PyTorchReference REFERENCE;
    private static final Map<String, Comparison> RUNS = new ConcurrentHashMap<>();

    static {
        PyTorchReference reference = null;
        String problem = null;
        try {
            reference = PyTorchReference.locate(Path.of(System.getProperty("djlfit.python",
                    PyTorchReference.DEFAULT_PYTHON.toString())));
            reference.torchVersion();
        } catch (ReferenceUnavailableException e) {
            problem = e.getMessage();
        }
        REFERENCE = reference;
        UNAVAILABLE = problem;
        if (problem != null) {
            System.err.println("WARNING: the PyTorch parity tests will be skipped: " + problem);
        }
    }

    private PyTorchForTests() {}

    public static PyTorchReference reference() {
        if (UNAVAILABLE != null) {
            String message = "PyTorch parity not checked: " + UNAVAILABLE;
            if (System.getenv("DJLFIT_REQUIRE_PYTORCH") != null) {
                fail(message + " (DJLFIT_REQUIRE_PYTORCH is set)");
            }
            Assumptions.abort(message);
        }
        return REFERENCE;
    }

    /**
     * The reference, for a test that also needs torchvision (the "Learn the Basics" references):
     * skipped, saying what to install, where {@code import torchvision} fails; failed instead when
     * {@code DJLFIT_REQUIRE_PYTORCH} is set.
     */
    public static PyTorchReference referenceWithTorchvision() {
        PyTorchReference reference = reference();
        String problem = TORCHVISION.computeIfAbsent("problem", key -> torchvisionProblem(reference));
        if (!problem.isEmpty()) {
            String message = "PyTorch parity not checked: " + problem;
            if (System.getenv("DJLFIT_REQUIRE_PYTORCH") != null) {
                fail(message + " (DJLFIT_REQUIRE_PYTORCH is set)");
            }
            Assumptions.abort(message);
        }
        return reference;
    }

    private static final Map<String, String> TORCHVISION = new ConcurrentHashMap<>();

    private static String torchvisionProblem(PyTorchReference reference) {
        try {
            Process p = new ProcessBuilder(reference.python().toString(), "-c", "import torchvision")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? "" : reference.python() + " cannot import torchvision; install it with:"
                    + " apt-get install -y python3-torchvision";
        } catch (java.io.IOException e) {
            return "cannot run " + reference.python() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Both sides of an article experiment at the article's learning rate; each run once per JVM. */
    static Comparison compare(String experiment, int seed, int steps) {
        PyTorchReference reference = reference();
        return RUNS.computeIfAbsent(experiment + "/" + seed + "/" + steps, key -> new SideBySide(reference).run(
                ArticleExperiment.named(experiment, Experiments.ARTICLE_HIDDEN, Nonlinearity.TANH, TrainingSettings.article()),
                seed, steps, false, line -> { }));
    }
}
