package dev.djlfit.torch.vision.datasets;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.EngineDefaults;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.BatchedDataset;
import dev.djlfit.torch.data.Collate;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.vision.transforms.ToTensor;
import dev.djlfit.torch.vision.transforms.Transform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code torchvision.datasets.FashionMNIST(root, train, transform, target_transform)}, read from
 * local files (no download): the four idx files, gzipped or not, in {@code root} itself (Debian's
 * {@code /usr/share/datasets/fashion-mnist}, any folder), in torchvision's
 * {@code root/FashionMNIST/raw} (so the tutorials' {@code root="data"} works where torchvision
 * downloaded), or in {@code root/raw}.
 *
 * <p>Item {@code i} is {@code (transform(image), target_transform(label))}; without a transform the
 * image is its uint8 {@code [28, 28]} array and the label a 0-d int64 array. Items that
 * {@link #get} makes belong to the dataset's own manager: close them when done. A
 * {@link dev.djlfit.torch.data.DataLoader} gathers whole batches from the bytes in memory instead
 * ({@link #getBatch}), with the same values.
 */
public final class FashionMNIST implements BatchedDataset {

    static {
        EngineDefaults.ensure();
    }

    /** Where Debian's package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_ROOT = Path.of("/usr/share/datasets/fashion-mnist");

    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final String REMEDY = "install the Debian package dataset-fashion-mnist (" + DEBIAN_ROOT
            + ") or pass --data DIR, a folder with the four idx files, gzipped or not";

    private final Path folder;
    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int columns;
    private final Transform<NDArray, NDArray> transform;
    private final Transform<Integer, NDArray> targetTransform;
    private NDManager itemManager;

    /** {@code FashionMNIST(root, train)}: images as uint8 arrays, labels as ints. */
    public FashionMNIST(Path root, boolean train) {
        this(root, train, null, null);
    }

    /** {@code FashionMNIST(root, train, transform=transform)}. */
    public FashionMNIST(Path root, boolean train, Transform<NDArray, NDArray> transform) {
        this(root, train, transform, null);
    }

    /**
     * @param transform applied to each uint8 image, or null
     * @param targetTransform applied to each label (an int), or null
     * @throws DatasetUnavailableException if the files are missing or damaged
     */
    public FashionMNIST(Path root, boolean train, Transform<NDArray, NDArray> transform,
            Transform<Integer, NDArray> targetTransform) {
        String split = train ? "train" : "t10k";
        String imagesName = split + "-images-idx3-ubyte";
        String labelsName = split + "-labels-idx1-ubyte";
        this.folder = locate(root, imagesName, labelsName);
        IdxFile images = readIdx(fileIn(folder, imagesName));
        IdxFile targets = readIdx(fileIn(folder, labelsName));
        if (images.sizes().length != 3 || targets.sizes().length != 1 || images.count() != targets.count()) {
            throw damaged(folder, "the images (sizes " + java.util.Arrays.toString(images.sizes())
                    + ") and labels (sizes " + java.util.Arrays.toString(targets.sizes()) + ") do not match");
        }
        for (byte label : targets.data()) {
            if ((label & 0xff) >= CLASSES.size()) {
                throw damaged(fileIn(folder, labelsName), "label " + (label & 0xff) + " is not a class");
            }
        }
        this.pixels = images.data();
        this.labels = targets.data();
        this.rows = images.sizes()[1];
        this.columns = images.sizes()[2];
        this.transform = transform;
        this.targetTransform = targetTransform;
    }

    /** {@code dataset.classes}: the ten class names, by label. */
    public List<String> classes() {
        return CLASSES;
    }

    /** The folder the files were read from. */
    public Path folder() {
        return folder;
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** {@code int(dataset.targets[index])}: the label of item {@code index}. */
    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** {@code dataset[index]}: the transformed image and label, on the dataset's manager. */
    @Override
    public Sample get(int index) {
        NDArray image = image(index);
        NDArray x = transform == null ? image : transform.apply(image);
        return new Sample(x, target(index));
    }

    /**
     * The items at {@code indices}, collated: pixels gathered straight from memory when the
     * transform is {@link ToTensor} or none, labels when there is no target transform; any other
     * transform runs item by item, as in PyTorch.
     */
    @Override
    public Batch getBatch(int[] indices, NDManager manager) {
        int itemSize = rows * columns;
        NDArray x;
        if (transform instanceof ToTensor) {
            float[] scaled = new float[indices.length * itemSize];
            for (int i = 0; i < indices.length; i++) {
                ToTensor.scale(pixels, checked(indices[i]) * itemSize, itemSize, scaled, i * itemSize);
            }
            x = manager.create(scaled, new Shape(indices.length, 1, rows, columns));
        } else if (transform == null) {
            byte[] gathered = new byte[indices.length * itemSize];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(pixels, checked(indices[i]) * itemSize, gathered, i * itemSize, itemSize);
            }
            x = manager.create(ByteBuffer.wrap(gathered), new Shape(indices.length, rows, columns), DataType.UINT8);
        } else {
            x = Collate.stack(indices, i -> transform.apply(image(i)), manager);
        }
        NDArray y;
        if (targetTransform == null) {
            long[] gathered = new long[indices.length];
            for (int i = 0; i < indices.length; i++) {
                gathered[i] = labels[checked(indices[i])] & 0xff;
            }
            y = manager.create(gathered);
        } else {
            y = Collate.stack(indices, this::target, manager);
        }
        return new Batch(x, y);
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    private NDArray image(int index) {
        int itemSize = rows * columns;
        byte[] item = java.util.Arrays.copyOfRange(pixels, checked(index) * itemSize, (index + 1) * itemSize);
        return items().create(ByteBuffer.wrap(item), new Shape(rows, columns), DataType.UINT8);
    }

    private NDArray target(int index) {
        int label = labels[checked(index)] & 0xff;
        return targetTransform == null ? items().create((long) label) : targetTransform.apply(label);
    }

    private int checked(int index) {
        if (index < 0 || index >= labels.length) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for a dataset of " + labels.length);
        }
        return index;
    }

    private synchronized NDManager items() {
        if (itemManager == null) {
            itemManager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        }
        return itemManager;
    }

    @Override
    public String toString() {
        return "Dataset FashionMNIST\n    Number of datapoints: " + size() + "\n    Root location: " + folder;
    }

    // ---------------------------------------------------------------- files

    /**
     * The folder under {@code root} that holds all four files (training and test, gzipped or not):
     * {@code root} itself, torchvision's {@code root/FashionMNIST/raw}, or {@code root/raw}.
     *
     * @throws DatasetUnavailableException one line naming the package and {@code --data}, if none does
     */
    public static Path folder(Path root) {
        Path training = locate(root, "train-images-idx3-ubyte", "train-labels-idx1-ubyte");
        Path test = locate(root, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        if (!training.equals(test)) {
            throw new DatasetUnavailableException("FashionMNIST's training files are in " + training
                    + " but its test files in " + test + "; " + REMEDY);
        }
        return training;
    }

    private static Path locate(Path root, String imagesName, String labelsName) {
        for (Path candidate : List.of(root, root.resolve("FashionMNIST").resolve("raw"), root.resolve("raw"))) {
            if (fileIn(candidate, imagesName) != null && fileIn(candidate, labelsName) != null) {
                return candidate;
            }
        }
        throw new DatasetUnavailableException("FashionMNIST not found: no " + imagesName + "[.gz] in " + root
                + " nor in its FashionMNIST/raw; " + REMEDY);
    }

    /** The file {@code name} in {@code folder}, uncompressed or gzipped, or null. */
    private static Path fileIn(Path folder, String name) {
        for (Path file : List.of(folder.resolve(name), folder.resolve(name + ".gz"))) {
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static IdxFile readIdx(Path file) {
        try {
            return IdxFile.read(file);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage().replaceAll("\\s+", " ") + ")";
            throw new DatasetUnavailableException("FashionMNIST file " + file + " cannot be read" + reason + ": " + REMEDY);
        }
    }

    private static DatasetUnavailableException damaged(Path where, String reason) {
        return new DatasetUnavailableException("FashionMNIST file " + where + " is damaged (" + reason + "): " + REMEDY);
    }
}
