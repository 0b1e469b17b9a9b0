package dev.djlfit.torch.vision;

import dev.djlfit.Prerequisite;
import dev.djlfit.torch.vision.datasets.FashionMNIST;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The FashionMNIST data for tests: the slice that ships with the tests, and the full set where
 * Debian's {@code dataset-fashion-mnist} is installed. Tests of the full set are skipped, with a
 * line naming the package, where it is not, and fail instead where
 * {@code DJLFIT_REQUIRE_FASHION_MNIST} is set (as {@code .ci/run} sets it): {@link Prerequisite#FASHION_MNIST}.
 */
public final class FashionMnistForTests {

    /** The first 1024 training and 256 test items, gzipped idx files (see its README). */
    public static final Path SLICE = Path.of("src/test/resources/fashion-mnist-slice");
    public static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private FashionMnistForTests() {}

    /** Debian's folder with the full set, or the calling test skipped (failed where required). */
    public static Path fullSet() {
        Prerequisite.FASHION_MNIST.require("full FashionMNIST");
        return FashionMNIST.DEBIAN_ROOT;
    }

    /**
     * The four files of {@code gzipped} uncompressed into {@code root/FashionMNIST/raw}, the layout
     * torchvision reads after its download; returns {@code root}.
     */
    public static Path torchvisionLayout(Path gzipped, Path root) {
        Path raw = root.resolve("FashionMNIST").resolve("raw");
        try {
            Files.createDirectories(raw);
            for (String name : FILES) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped.resolve(name + ".gz")))) {
                    Files.copy(in, raw.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** A Python string literal of {@code path}. */
    public static String pythonPath(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
