package dev.djlfit.torch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.TorchvisionForTests;
import dev.djlfit.torch.vision.transforms.ToTensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link FashionMNIST} with {@link ToTensor} through a {@link DataLoader}, against torchvision 0.14's
 * {@code FashionMNIST} and torch 1.13's {@code DataLoader}: every batch's labels, and its pixels
 * bit for bit (a SHA-256 of the float32 bytes), then the global generator after the loop.
 */
class FashionMNISTParityTest {

    private static final String PYTHON = """
            import hashlib
            import torch
            from torch.utils.data import DataLoader
            from torchvision import datasets
            from torchvision.transforms import ToTensor
            def run(root, train, seed, batch_size, shuffle):
                data = datasets.FashionMNIST(root=root, train=train, download=False, transform=ToTensor())
                torch.manual_seed(seed)
                for X, y in DataLoader(data, batch_size=batch_size, shuffle=shuffle):
                    assert X.dtype == torch.float32 and y.dtype == torch.int64
                    print(' '.join(map(str, y.tolist())), 'x'.join(map(str, X.shape)),
                          hashlib.sha256(X.numpy().astype('<f4').tobytes()).hexdigest())
                print(' '.join(map(str, torch.randn(3).view(torch.int32).tolist())))
            """;

    @Test
    void theSliceMatchesTorchvisionShuffledAndInOrder(@TempDir Path temp) {
        Path root = FashionMnistForTests.torchvisionLayout(FashionMnistForTests.SLICE, temp);
        String program = PYTHON + "run(%s, True, 42, 64, True)\nrun(%s, False, 5, 10, False)\n"
                .formatted(FashionMnistForTests.pythonPath(root), FashionMnistForTests.pythonPath(root));
        List<String> java = new ArrayList<>();
        java.addAll(epoch(new FashionMNIST(root, true, new ToTensor()), 42, 64, true));
        java.addAll(epoch(new FashionMNIST(FashionMnistForTests.SLICE, false, new ToTensor()), 5, 10, false));
        assertLines(TorchvisionForTests.run(program), java);
    }

    @Test
    void theFullSetFromDebiansFolderMatchesTorchvision(@TempDir Path temp) {
        Path debian = FashionMnistForTests.fullSet();
        Path root = FashionMnistForTests.torchvisionLayout(debian, temp);
        String program = PYTHON + "run(%s, True, 99991, 64, True)\nrun(%s, False, 2024, 64, False)\n"
                .formatted(FashionMnistForTests.pythonPath(root), FashionMnistForTests.pythonPath(root));
        List<String> java = new ArrayList<>();
        FashionMNIST training = new FashionMNIST(debian, true, new ToTensor());
        assertEquals(60000, training.size());
        java.addAll(epoch(training, 99991, 64, true));
        FashionMNIST test = new FashionMNIST(debian, false, new ToTensor());
        assertEquals(10000, test.size());
        java.addAll(epoch(test, 2024, 64, false));
        assertLines(TorchvisionForTests.run(program), java);
    }

    private static List<String> epoch(FashionMNIST data, long seed, int batchSize, boolean shuffle) {
        List<String> lines = new ArrayList<>();
        Torch.manualSeed(seed);
        for (Batch batch : new DataLoader(data, batchSize, shuffle, false)) {
            StringBuilder line = new StringBuilder();
            for (long label : batch.y().toLongArray()) {
                line.append(label).append(' ');
            }
            line.setLength(line.length() - 1);
            long[] shape = batch.x().getShape().getShape();
            line.append(' ').append(shape[0]).append('x').append(shape[1]).append('x').append(shape[2])
                    .append('x').append(shape[3]).append(' ').append(sha256(batch.x()));
            lines.add(line.toString());
        }
        try (var manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            NDArray normals = Torch.randn(manager, 3);
            StringBuilder line = new StringBuilder();
            for (float v : normals.toFloatArray()) {
                line.append(line.length() == 0 ? "" : " ").append(Float.floatToRawIntBits(v));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String sha256(NDArray floats) {
        float[] values = floats.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertLines(List<String> python, List<String> java) {
        for (int i = 0; i < Math.min(python.size(), java.size()); i++) {
            assertEquals(python.get(i), java.get(i), "batch line " + (i + 1));
        }
        assertEquals(python.size(), java.size(), "number of lines");
    }
}
