package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorAttributes;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * basics/data_tutorial.py: FashionMNIST read from {@code --data}, nine samples picked with
 * {@code torch.randint} and shown in a 3×3 grid (a PNG here, {@code fashion_mnist_grid.png}), a
 * {@code CustomImageDataset} over image files and a labels CSV (which this port first writes from
 * FashionMNIST into a new temporary folder, and reads back), and a shuffled {@code DataLoader}
 * whose first batch it prints and whose first image it shows ({@code fashion_mnist_sample.png}).
 * The trace keeps the picked indices ({@code grid_indices}) and the first batch's labels
 * ({@code first_batch_labels}).
 */
final class Data implements Program {

    static final Map<Integer, String> LABELS_MAP = Map.of(
            0, "T-Shirt",
            1, "Trouser",
            2, "Pullover",
            3, "Dress",
            4, "Coat",
            5, "Sandal",
            6, "Shirt",
            7, "Sneaker",
            8, "Bag",
            9, "Ankle Boot");

    static final String GRID_FILE = "fashion_mnist_grid.png";
    static final String SAMPLE_FILE = "fashion_mnist_sample.png";
    /** How many images the custom dataset's folder gets. */
    static final int CUSTOM_IMAGES = 10;

    @Override
    public String name() {
        return "data";
    }

    @Override
    public String original() {
        return "beginner_source/basics/data_tutorial.py";
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public boolean readsFashionMnist() {
        return true;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            FashionMNIST trainingData = new FashionMNIST(run.data().data(), true, new ToTensor());
            FashionMNIST testData = new FashionMNIST(run.data().data(), false, new ToTensor());

            List<float[]> figure = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<Long> picked = new ArrayList<>();
            int cols = 3;
            int rows = 3;
            for (int i = 1; i < cols * rows + 1; i++) {
                long sampleIdx = Torch.randint(m, 0, trainingData.size(), 1).getLong();
                Sample sample = trainingData.get((int) sampleIdx);
                int label = trainingData.label((int) sampleIdx);
                titles.add(LABELS_MAP.get(label));
                figure.add(sample.x().squeeze().toFloatArray());
                picked.add(sampleIdx);
            }
            ImagePictures.write(ImagePictures.grid(figure, titles, rows, cols, 28, 28), run.data().file(GRID_FILE));
            run.print("(plt.show(): the 3×3 grid of samples is in " + GRID_FILE + ")");
            run.record("grid_indices", picked);

            customDataset(run, trainingData);

            DataLoader trainDataloader = new DataLoader(trainingData, 64, true, false);
            DataLoader testDataloader = new DataLoader(testData, 64, true, false);

            Batch first = trainDataloader.iterator().next();
            NDArray trainFeatures = first.x();
            NDArray trainLabels = first.y();
            run.print(PyFormat.format("Feature batch shape: {}", TensorAttributes.shape(trainFeatures)));
            run.print(PyFormat.format("Labels batch shape: {}", TensorAttributes.shape(trainLabels)));
            NDArray img = trainFeatures.get(0).squeeze();
            NDArray label = trainLabels.get(0);
            ImagePictures.write(ImagePictures.image(img.toFloatArray(), 28, 28), run.data().file(SAMPLE_FILE));
            run.print("(plt.show(): the image is in " + SAMPLE_FILE + ")");
            run.record("first_batch_labels", longs(trainLabels.toLongArray()));
            run.loaded(Map.of());
            run.last(PyFormat.format("Label: {}", label));
        }
    }

    /**
     * The custom dataset at work: {@value #CUSTOM_IMAGES} training images written as PNG files
     * with a labels.csv into a new temporary folder (so no file of the user's is touched), read
     * back through {@link CustomImageDataset}, the folder removed after.
     */
    private static void customDataset(Harness run, FashionMNIST source) {
        Path imgDir;
        try {
            imgDir = Files.createTempDirectory("custom-image-dataset-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the custom dataset", e);
        }
        try {
            Path annotationsFile = writeImageFolder(source, CUSTOM_IMAGES, imgDir);
            try (CustomImageDataset custom = new CustomImageDataset(annotationsFile, imgDir)) {
                Sample item = custom.get(0);
                run.print(PyFormat.format("(CustomImageDataset over {} PNG files and labels.csv, written to {}:"
                        + " len {}, item 0: {} {}, label {}; the folder is removed)", CUSTOM_IMAGES, imgDir,
                        custom.size(), TensorAttributes.shape(item.x()), TensorAttributes.dtype(item.x()), item.y()));
            }
        } finally {
            deleteFolder(imgDir);
        }
    }

    /**
     * Writes the first {@code n} images of {@code source} as {@code img<i>.png} (8-bit grayscale,
     * the dataset's own bytes) and {@code labels.csv} into {@code folder}.
     *
     * @return the labels.csv
     */
    static Path writeImageFolder(FashionMNIST source, int n, Path folder) {
        StringBuilder csv = new StringBuilder("file,label\n");
        for (int i = 0; i < n; i++) {
            float[] scaled = source.get(i).x().toFloatArray();
            BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            int[] levels = new int[scaled.length];
            for (int p = 0; p < scaled.length; p++) {
                levels[p] = Math.round(scaled[p] * 255);
            }
            picture.getRaster().setSamples(0, 0, 28, 28, 0, levels);
            String file = "img" + i + ".png";
            ImagePictures.write(picture, folder.resolve(file));
            csv.append(file).append(',').append(source.label(i)).append('\n');
        }
        Path labels = folder.resolve("labels.csv");
        try {
            Files.writeString(labels, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + labels, e);
        }
        return labels;
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary folder " + folder, e);
        }
    }

    private static List<Long> longs(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
