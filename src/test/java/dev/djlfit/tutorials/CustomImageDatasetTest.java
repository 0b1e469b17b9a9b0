package dev.djlfit.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.TensorAttributes;
import dev.djlfit.torch.data.Sample;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data tutorial's custom dataset: the PNG files and labels.csv the port writes from
 * FashionMNIST read back as {@code read_image} gives them (uint8 {@code [1, 28, 28]}, the
 * dataset's own bytes) with their labels; and the pictures it shows, as PNG files.
 */
class CustomImageDatasetTest {

    @Test
    void imagesWrittenFromFashionMnistReadBackAsItsBytesAndLabels(@TempDir Path dir) throws Exception {
        FashionMNIST raw = new FashionMNIST(FashionMnistForTests.SLICE, true);
        FashionMNIST scaled = new FashionMNIST(FashionMnistForTests.SLICE, true, new ToTensor());
        Path csv = Data.writeImageFolder(scaled, 6, dir);
        assertEquals("file,label", Files.readAllLines(csv).get(0), "a header row, which pd.read_csv takes as names");
        try (CustomImageDataset custom = new CustomImageDataset(csv, dir)) {
            assertEquals(6, custom.size());
            for (int i = 0; i < 6; i++) {
                Sample item = custom.get(i);
                assertEquals("torch.Size([1, 28, 28])", TensorAttributes.shape(item.x()));
                assertEquals(DataType.UINT8, item.x().getDataType());
                NDArray expected = raw.get(i).x();
                assertArrayEquals(expected.toUint8Array(), item.x().toUint8Array(), "image " + i);
                assertEquals(raw.label(i), item.y().getLong(), "label " + i);
            }
        }
    }

    @Test
    void aCsvRowThatIsNotFileAndLabelIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("labels.csv"), "file,label\nimg0.png;3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CustomImageDataset(csv, dir));
        assertEquals(csv + ": \"img0.png;3\" is not \"file name, label\"", e.getMessage());
    }

    @Test
    void theGridHasItsNineImagesScaledFromMinimumToMaximum(@TempDir Path dir) throws Exception {
        float[] ramp = new float[28 * 28];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 0.25f + 0.5f * i / (ramp.length - 1);
        }
        List<float[]> images = java.util.Collections.nCopies(9, ramp);
        Path file = dir.resolve("grid.png");
        ImagePictures.write(ImagePictures.grid(images, java.util.Collections.nCopies(9, "Bag"), 3, 3, 28, 28), file);
        BufferedImage grid = ImageIO.read(file.toFile());
        assertEquals(3 * (28 * 8 + 24), grid.getWidth());
        BufferedImage one = ImagePictures.image(ramp, 28, 28);
        assertEquals(28 * 8, one.getWidth());
        assertEquals(0x000000, one.getRGB(0, 0) & 0xffffff, "the minimum is black, as imshow scales it");
        assertEquals(0xffffff, one.getRGB(one.getWidth() - 1, one.getHeight() - 1) & 0xffffff, "the maximum white");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left");
        }
    }
}
