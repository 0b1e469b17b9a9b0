package dev.djlfit.tutorials;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.data.Dataset;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.vision.transforms.Transform;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data tutorial's {@code CustomImageDataset(Dataset)}: image files in {@code imgDir}, their
 * labels in an annotations CSV ({@code file name, label} per row after a header row, which
 * {@code pd.read_csv} takes as the column names). Item {@code idx} is the image as
 * {@code read_image} gives it (uint8, {@code [channels, height, width]}) and its label (0-d int64),
 * each through its transform if given. Items belong to the dataset's manager: close it when done.
 */
final class CustomImageDataset implements Dataset<Sample>, AutoCloseable {

    private record Row(String file, long label) {}

    private final List<Row> imgLabels;
    private final Path imgDir;
    private final Transform<NDArray, NDArray> transform;
    private final Transform<Long, NDArray> targetTransform;
    private final NDManager items = NDManager.newBaseManager();

    CustomImageDataset(Path annotationsFile, Path imgDir) {
        this(annotationsFile, imgDir, null, null);
    }

    CustomImageDataset(Path annotationsFile, Path imgDir, Transform<NDArray, NDArray> transform,
            Transform<Long, NDArray> targetTransform) {
        this.imgLabels = readCsv(annotationsFile);
        this.imgDir = imgDir;
        this.transform = transform;
        this.targetTransform = targetTransform;
    }

    @Override
    public int size() {
        return imgLabels.size();
    }

    @Override
    public Sample get(int idx) {
        Path imgPath = imgDir.resolve(imgLabels.get(idx).file());
        NDArray image = readImage(imgPath, items);
        long label = imgLabels.get(idx).label();
        if (transform != null) {
            image = transform.apply(image);
        }
        NDArray target = targetTransform != null ? targetTransform.apply(label) : items.create(label);
        return new Sample(image, target);
    }

    /** {@code torchvision.io.read_image} of a grayscale image: uint8 {@code [1, height, width]}. */
    static NDArray readImage(Path file, NDManager manager) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (picture == null || picture.getRaster().getNumBands() != 1) {
            throw new IllegalArgumentException(file + " is not a grayscale image ImageIO can read");
        }
        int[] levels = ImagePictures.grayLevels(picture);
        byte[] bytes = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            bytes[i] = (byte) levels[i];
        }
        return manager.create(ByteBuffer.wrap(bytes), new Shape(1, picture.getHeight(), picture.getWidth()),
                DataType.UINT8);
    }

    private static List<Row> readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 2) {
                throw new IllegalArgumentException(file + ": \"" + line + "\" is not \"file name, label\"");
            }
            rows.add(new Row(cells[0].strip(), Long.parseLong(cells[1].strip())));
        }
        return rows;
    }

    @Override
    public void close() {
        items.close();
    }
}
