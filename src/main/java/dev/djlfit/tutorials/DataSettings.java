package dev.djlfit.tutorials;

import dev.djlfit.torch.vision.datasets.FashionMNIST;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a program that reads a data set ("Learn the Basics") finds it and writes its files.
 *
 * @param data the folder with FashionMNIST's four idx files (gzipped or not)
 * @param workFolder where {@code model.pth} (saveloadrun: {@code model_weights.pth}) goes, as the
 *     original writes it into its working folder
 * @param load saveloadrun: a state_dict to test instead of training one
 */
public record DataSettings(Path data, Path workFolder, Optional<Path> load) {

    /** Where Debian's {@code dataset-fashion-mnist} installs the four files. */
    public static final Path DEBIAN_FASHION_MNIST = FashionMNIST.DEBIAN_ROOT;

    /** Debian's folder, the working folder, nothing to load. */
    public static DataSettings defaults() {
        return new DataSettings(DEBIAN_FASHION_MNIST, Path.of(""), Optional.empty());
    }

    /** The four files, each plain or gzipped (then with {@code .gz}). */
    public static final java.util.List<String> FASHION_MNIST_FILES = java.util.List.of("train-images-idx3-ubyte",
            "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** The first of the four files the data folder lacks (neither plain nor gzipped); empty if it has them all. */
    public Optional<String> missingFile() {
        return FASHION_MNIST_FILES.stream()
                .filter(f -> !java.nio.file.Files.isRegularFile(data.resolve(f))
                        && !java.nio.file.Files.isRegularFile(data.resolve(f + ".gz")))
                .findFirst();
    }

    /** {@code name} in the work folder. */
    public Path file(String name) {
        return workFolder.resolve(name);
    }
}
