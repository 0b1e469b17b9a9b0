package dev.djlfit.torch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link DataLoader} over a {@link TensorDataset} against Debian's PyTorch 1.13 at seeds the
 * project uses nowhere else: the same batches, epoch after epoch, and the global generator left
 * where PyTorch leaves it (the normals drawn after the loop are equal).
 */
class DataLoaderParityTest {

    private static final int N = 1003;
    private static final long[] SEEDS = {5, 42, 2024, 99991};
    private static final int[] BATCH_SIZES = {64, 10};

    private static final String PYTHON_DATA = """
            import torch
            from torch.utils.data import DataLoader, TensorDataset
            n = %d
            x = torch.arange(n * 2, dtype=torch.float32).reshape(n, 2)
            y = torch.arange(n)
            def epoch(loader):
                for X, Y in loader:
                    assert torch.equal(X[:, 0], 2 * Y.float()) and Y.dtype == torch.int64
                    print(' '.join(map(str, Y.tolist())))
                print('end of epoch')
            def normals():
                print(' '.join(map(str, torch.randn(3).view(torch.int32).tolist())))
            """.formatted(N);

    @Tag("external")
    @Test
    void shuffledBatchesAndTheGeneratorAfterTwoEpochsAreTorchs() {
        StringBuilder program = new StringBuilder(PYTHON_DATA);
        List<String> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TensorDataset dataset = dataset(manager);
            for (long seed : SEEDS) {
                for (int batchSize : BATCH_SIZES) {
                    for (boolean dropLast : new boolean[] {false, true}) {
                        program.append("torch.manual_seed(%d)\n".formatted(seed))
                                .append("loader = DataLoader(TensorDataset(x, y), batch_size=%d, shuffle=True, drop_last=%s)\n"
                                        .formatted(batchSize, dropLast ? "True" : "False"))
                                .append("epoch(loader)\nepoch(loader)\nnormals()\n");
                        Torch.manualSeed(seed);
                        DataLoader loader = new DataLoader(dataset, batchSize, true, dropLast);
                        epoch(loader, java);
                        epoch(loader, java);
                        java.add(GeneratorParityTest.floatBits(Torch.randn(manager, 3)));
                    }
                }
            }
        }
        assertLinesEqual(TorchPythonAccess.run(program.toString()), java);
    }

    @Tag("external")
    @Test
    void anUnshuffledLoaderGoesInOrderAndStillDrawsOncePerIteration() {
        StringBuilder program = new StringBuilder(PYTHON_DATA);
        List<String> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TensorDataset dataset = dataset(manager);
            for (long seed : SEEDS) {
                program.append("torch.manual_seed(%d)\n".formatted(seed))
                        .append("loader = DataLoader(TensorDataset(x, y), batch_size=64)\n")
                        .append("epoch(loader)\nepoch(loader)\nnormals()\n");
                Torch.manualSeed(seed);
                DataLoader loader = new DataLoader(dataset, 64);
                epoch(loader, java);
                epoch(loader, java);
                java.add(GeneratorParityTest.floatBits(Torch.randn(manager, 3)));
            }
            Iterator<Batch> batches = new DataLoader(dataset, 64).iterator();
            long[] first = batches.next().y().toLongArray();
            long[] expected = new long[64];
            for (int i = 0; i < 64; i++) {
                expected[i] = i;
            }
            assertArrayEquals(expected, first);
        }
        assertLinesEqual(TorchPythonAccess.run(program.toString()), java);
    }

    /** The sampler's seed is drawn at the first batch, not when the iterator is made. */
    @Tag("external")
    @Test
    void drawsBetweenIterAndTheFirstBatchComeBeforeTheSamplersSeed() {
        String program = PYTHON_DATA + """
                torch.manual_seed(2024)
                loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
                it = iter(loader)
                normals()
                print(' '.join(map(str, next(it)[1].tolist())))
                normals()
                """;
        List<String> java = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Torch.manualSeed(2024);
            Iterator<Batch> it = new DataLoader(dataset(manager), 64, true, false).iterator();
            java.add(GeneratorParityTest.floatBits(Torch.randn(manager, 3)));
            java.add(join(it.next().y().toLongArray()));
            java.add(GeneratorParityTest.floatBits(Torch.randn(manager, 3)));
        }
        assertLinesEqual(TorchPythonAccess.run(program), java);
    }

    @Test
    void sizeIsTheNumberOfBatches() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TensorDataset dataset = dataset(manager);
            assertEquals(16, new DataLoader(dataset, 64).size());
            assertEquals(15, new DataLoader(dataset, 64, true, true).size());
            assertEquals(101, new DataLoader(dataset, 10, false, false).size());
            assertEquals(100, new DataLoader(dataset, 10, false, true).size());
        }
    }

    static TensorDataset dataset(NDManager manager) {
        NDArray x = manager.arange(0f, 2f * N).reshape(N, 2);
        NDArray y = manager.arange(0, N, 1, DataType.INT64);
        return new TensorDataset(x, y);
    }

    private static void epoch(DataLoader loader, List<String> out) {
        for (Batch batch : loader) {
            assertEquals(DataType.INT64, batch.y().getDataType());
            assertEquals(new Shape(batch.size(), 2), batch.x().getShape());
            long[] labels = batch.y().toLongArray();
            float[] x = batch.x().toFloatArray();
            for (int i = 0; i < labels.length; i++) {
                assertEquals(2f * labels[i], x[2 * i], "x[:, 0] is 2y");
            }
            out.add(join(labels));
        }
        out.add("end of epoch");
    }

    private static String join(long[] values) {
        StringBuilder out = new StringBuilder();
        for (long v : values) {
            out.append(out.length() == 0 ? "" : " ").append(v);
        }
        return out.toString();
    }

    static void assertLinesEqual(List<String> python, List<String> java) {
        for (int i = 0; i < Math.min(python.size(), java.size()); i++) {
            assertEquals(python.get(i), java.get(i), "line " + (i + 1));
        }
        assertEquals(python.size(), java.size(), "number of lines");
    }
}
