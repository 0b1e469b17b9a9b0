package dev.djlfit.program;

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

    /**
     * The same settings with {@code data} the folder that holds the four files ({@code data} itself,
     * or torchvision's {@code data/FashionMNIST/raw}), as both sides of a comparison read them.
     *
     * @throws dev.djlfit.torch.vision.datasets.DatasetUnavailableException one line, if it has none
     */
    public DataSettings located() {
        return new DataSettings(FashionMNIST.folder(data), workFolder, load);
    }

    /** {@code name} in the work folder. */
    public Path file(String name) {
        return workFolder.resolve(name);
    }
}
