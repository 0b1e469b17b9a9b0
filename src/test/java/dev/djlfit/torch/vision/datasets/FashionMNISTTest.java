package dev.djlfit.torch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Scatter;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.Collate;
import dev.djlfit.torch.data.Dataset;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.transforms.Compose;
import dev.djlfit.torch.vision.transforms.Lambda;
import dev.djlfit.torch.vision.transforms.ToTensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** {@link FashionMNIST} on the slice that ships with the tests: where it looks, what it gives, what it says when it cannot. */
class FashionMNISTTest {

    private static final Path SLICE = FashionMnistForTests.SLICE;

    @Test
    void readsTheSliceGzippedAndTorchvisionsUncompressedLayoutAlike(@TempDir Path temp) {
        FashionMNIST gzipped = new FashionMNIST(SLICE, true);
        Path root = FashionMnistForTests.torchvisionLayout(SLICE, temp.resolve("data"));
        FashionMNIST raw = new FashionMNIST(root, true);
        assertEquals(root.resolve("FashionMNIST").resolve("raw"), raw.folder());
        assertEquals(1024, gzipped.size());
        assertEquals(256, new FashionMNIST(SLICE, false).size());
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] all = new int[gzipped.size()];
            java.util.Arrays.setAll(all, i -> i);
            Batch a = gzipped.getBatch(all, manager);
            Batch b = raw.getBatch(all, manager);
            assertEquals(new Shape(1024, 28, 28), a.x().getShape());
            assertEquals(DataType.UINT8, a.x().getDataType());
            assertEquals(a.x(), b.x());
            assertEquals(a.y(), b.y());
        }
    }

    @Test
    void classesAreTorchvisions() {
        assertEquals(java.util.List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot"), new FashionMNIST(SLICE, false).classes());
    }

    /** The loader's gathered batches equal collating the items one by one, for each kind of transform. */
    @Test
    void gatheredBatchesEqualItemByItemCollation() {
        int[] indices = {5, 1023, 0, 77, 5};
        try (NDManager m = NDManager.newBaseManager()) {
            Lambda<Integer, NDArray> oneHot = new Lambda<>(y -> Scatter.scatter_(Torch.zeros(m, 10), 0, m.create((long) y), 1));
            Compose<NDArray> composed = new Compose<>(new ToTensor(), new Lambda<>(x -> x.mul(2)));
            FashionMNIST[] variants = {
                new FashionMNIST(SLICE, true),
                new FashionMNIST(SLICE, true, new ToTensor()),
                new FashionMNIST(SLICE, true, new ToTensor(), oneHot),
                new FashionMNIST(SLICE, true, composed),
            };
            for (FashionMNIST data : variants) {
                Batch gathered = data.getBatch(indices, m);
                Dataset<Sample> itemByItem = new Dataset<>() {
                    @Override
                    public int size() {
                        return data.size();
                    }

                    @Override
                    public Sample get(int index) {
                        return data.get(index);
                    }
                };
                Batch collated = Collate.collate(itemByItem, indices, m);
                assertEquals(collated.x().getShape(), gathered.x().getShape());
                assertEquals(collated.x().getDataType(), gathered.x().getDataType());
                assertEquals(collated.x(), gathered.x(), "pixels");
                assertEquals(collated.y().getDataType(), gathered.y().getDataType());
                assertEquals(collated.y(), gathered.y(), "targets");
            }
            Sample first = new FashionMNIST(SLICE, true, new ToTensor()).get(0);
            assertEquals(new Shape(1, 28, 28), first.x().getShape());
            assertEquals(new Shape(), first.y().getShape());
            assertEquals(DataType.INT64, first.y().getDataType());
        }
    }

    @Test
    void missingDataIsOneLineNamingThePackageAndTheOption(@TempDir Path temp) {
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> new FashionMNIST(temp.resolve("data"), true));
        assertOneLineRemedy(e.getMessage());
        assertTrue(e.getMessage().contains(temp.resolve("data").toString()), e.getMessage());
    }

    @Test
    void damagedFilesAreOneLineNamingTheFile(@TempDir Path temp) throws IOException {
        Path truncated = copySlice(temp.resolve("truncated"));
        byte[] images = Files.readAllBytes(SLICE.resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(truncated.resolve("t10k-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(images, images.length / 2));
        assertDamaged(truncated, "t10k-images-idx3-ubyte.gz");

        Path badMagic = copySlice(temp.resolve("magic"));
        gzip(badMagic.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 1, 0});
        assertDamaged(badMagic, "t10k-labels-idx1-ubyte.gz");

        Path shortData = copySlice(temp.resolve("short"));
        gzip(shortData.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0, 0, 8, 1, 0, 0, 1, 0, 3, 4});
        assertDamaged(shortData, "t10k-labels-idx1-ubyte.gz");

        Path fewerLabels = copySlice(temp.resolve("fewer"));
        gzip(fewerLabels.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 4});
        assertDamaged(fewerLabels, "do not match");
    }

    private static void assertDamaged(Path root, String expected) {
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> new FashionMNIST(root, false));
        assertOneLineRemedy(e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertOneLineRemedy(String message) {
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("dataset-fashion-mnist"), message);
        assertTrue(message.contains("--data DIR"), message);
        assertFalse(message.contains("Exception"), message);
    }

    private static Path copySlice(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : FashionMnistForTests.FILES) {
            Files.copy(SLICE.resolve(name + ".gz"), folder.resolve(name + ".gz"));
        }
        return folder;
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
