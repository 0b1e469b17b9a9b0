package dev.djlfit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.djlfit.torch.vision.datasets.FashionMNIST;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * What a test needs beyond a JDK and Maven, other than PyTorch (that is
 * {@code parity.PyTorchForTests}, with the same rule): {@link #require} skips the calling test
 * with a line saying what to install when it is missing, and fails it instead when the named
 * environment variable is set, as {@code .ci/run} sets it, so that CI cannot turn a broken
 * install into silent skips.
 */
public enum Prerequisite {

    NBCONVERT("jupyter nbconvert", "apt-get install -y --no-install-recommends jupyter-nbconvert",
            "DJLFIT_REQUIRE_NBCONVERT", Prerequisite::nbconvertRuns),
    FASHION_MNIST("FashionMNIST in " + FashionMNIST.DEBIAN_ROOT,
            "apt-get install -y dataset-fashion-mnist", "DJLFIT_REQUIRE_FASHION_MNIST",
            Prerequisite::fashionMnistIsThere);

    /** Where Debian's dataset-fashion-mnist package puts the four idx .gz files. */
    public static final String FASHION_MNIST_FOLDER = FashionMNIST.DEBIAN_ROOT.toString();

    private final String what;
    private final String install;
    private final String requireVariable;
    private final BooleanSupplier probe;
    private Boolean available;

    Prerequisite(String what, String install, String requireVariable, BooleanSupplier probe) {
        this.what = what;
        this.install = install;
        this.requireVariable = requireVariable;
        this.probe = probe;
    }

    public synchronized boolean isAvailable() {
        if (available == null) {
            available = probe.getAsBoolean();
        }
        return available;
    }

    /** The line a skipped test shows: what is missing and how to install it. */
    public String missing() {
        return what + " is not installed; install it with: " + install;
    }

    /** Skips the calling test when this is missing, or fails it where CI requires it. */
    public void require(String forWhat) {
        require(forWhat, isAvailable(), System::getenv);
    }

    void require(String forWhat, boolean available, UnaryOperator<String> environment) {
        if (available) {
            return;
        }
        String message = forWhat + " not checked: " + missing();
        if (environment.apply(requireVariable) != null) {
            fail(message + " (" + requireVariable + " is set)");
        }
        Assumptions.abort(message);
    }

    private static boolean nbconvertRuns() {
        if (SearchPath.find("jupyter").isEmpty()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("jupyter", "nbconvert", "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean fashionMnistIsThere() {
        return List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz").stream()
                .allMatch(name -> Files.isRegularFile(Path.of(FASHION_MNIST_FOLDER, name)));
    }
}
