package dev.djlfit.torch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading in Java alone: bits, names, order, shapes, views and dtypes of files built here. */
class StateDictFileRoundTripTest {

    @TempDir
    Path dir;

    static Map<String, TensorValues> sample() {
        Map<String, TensorValues> state = new LinkedHashMap<>();
        state.put("z.last.weight", new TensorValues(new long[] {2, 3},
                new float[] {1.5f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
                        Float.intBitsToFloat(0x7fc01234)}));
        state.put("a.first.bias", TensorValues.vector(0.1f, -2.5e-30f));
        state.put("scalar", new TensorValues(new long[] {}, new float[] {3.25f}));
        state.put("empty", new TensorValues(new long[] {0, 4}, new float[] {}));
        state.put("gewicht.ü", new TensorValues(new long[] {1, 1, 1, 2}, new float[] {7f, 8f}));
        return state;
    }

    static void assertBitEqual(Map<String, TensorValues> expected, Map<String, TensorValues> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "names in order");
        expected.forEach((name, want) -> {
            TensorValues got = actual.get(name);
            assertArrayEquals(want.shape(), got.shape(), name + " shape");
            assertArrayEquals(bits(want.values()), bits(got.values()), name + " bits");
        });
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @Test
    void savedStateDictLoadsBackBitEqualWithNamesInOrder() {
        Path file = dir.resolve("model.pth");
        StateDictFile.save(sample(), file);
        assertBitEqual(sample(), StateDictFile.load(file));
    }

    @Test
    void fileIsAStoredZipLaidOutAsTorchSaveLaysItOut() throws IOException {
        Path file = dir.resolve("model.pth");
        StateDictFile.save(sample(), file);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> {
                names.add(e.getName());
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            });
            assertEquals("3\n", new String(zip.getInputStream(zip.getEntry("model/version")).readAllBytes()));
        }
        assertEquals(List.of("model/data.pkl", "model/byteorder", "model/data/0", "model/data/1", "model/data/2",
                "model/data/3", "model/data/4", "model/version"), names);
        byte[] bytes = Files.readAllBytes(file);
        int firstStorage = indexOf(bytes, "model/data/0".getBytes()) + "model/data/0".length();
        int extra = (bytes[indexOf(bytes, "model/data/0".getBytes()) - 2] & 0xff);
        assertEquals(0, (firstStorage + extra) % StoredZipWriter.ALIGNMENT, "storage data starts 64-byte aligned");
        ByteBuffer data = ByteBuffer.wrap(bytes, firstStorage + extra, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, data.getFloat(), "little-endian float32");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A file as a state_dict past 4 GiB is written: every offset in zip64 records. */
    static Path saveWithZip64Records(Map<String, TensorValues> state, Path file) throws IOException {
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            StateDictWriter.write(state, "big", new StoredZipWriter(out, 0));
        }
        return file;
    }

    @Test
    void zip64RecordsAsForFilesPastFourGibLoadBack() throws IOException {
        Path file = saveWithZip64Records(sample(), dir.resolve("big.pth"));
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(indexOf(bytes, new byte[] {'P', 'K', 6, 6}) > 0, "has a zip64 end record");
        assertBitEqual(sample(), StateDictFile.load(file));
    }

    @Test
    void saveReplacesAnOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.pth");
        Files.writeString(file, "old");
        StateDictFile.save(sample(), file);
        assertBitEqual(sample(), StateDictFile.load(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void failedSaveLeavesTheOldFileAsItWasAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.pth");
        Files.writeString(file, "what the user had");
        Map<String, TensorValues> failsMidway = new LinkedHashMap<>(sample()) {
            // the pickle is written from the entries, then the storages one by one from the values
            @Override
            public java.util.Set<Map.Entry<String, TensorValues>> entrySet() {
                return new java.util.LinkedHashSet<>(super.entrySet());
            }

            @Override
            public java.util.Collection<TensorValues> values() {
                List<TensorValues> values = new ArrayList<>(super.values());
                return new java.util.AbstractList<>() {
                    @Override
                    public TensorValues get(int index) {
                        if (index == 3) {
                            throw new IllegalStateException("disk went away");
                        }
                        return values.get(index);
                    }

                    @Override
                    public int size() {
                        return values.size();
                    }
                };
            }
        };
        assertThrows(IllegalStateException.class, () -> StateDictFile.save(failsMidway, file));
        assertEquals("what the user had", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void archiveFolderIsTheFileNameUpToItsFirstDot() {
        assertEquals("model", StateDictFile.archiveName("model.pth"));
        assertEquals("ckpt", StateDictFile.archiveName("ckpt.best.pt"));
        assertEquals("weights", StateDictFile.archiveName("weights"));
        assertEquals("archive", StateDictFile.archiveName("mödel.pth"));
    }

    /** A pickle written here in torch.save's shape, with views of storages that the test chooses. */
    private Path fileWithViews(Map<String, long[][]> views, Map<String, byte[]> storages, Map<String, String> classes)
            throws IOException {
        PickleWriter pickle = new PickleWriter();
        pickle.global("collections", "OrderedDict").emptyTuple().reduce().mark();
        views.forEach((name, v) -> {
            String key = Long.toString(v[0][0]);
            pickle.string(name).global("torch._utils", "_rebuild_tensor_v2").mark();
            pickle.mark().string("storage").global("torch", classes.get(key)).string(key).string("cpu").integer(1)
                    .tupleFromMark().persistentId();
            pickle.integer(v[0][1]).tupleOf(v[1]).tupleOf(v[2]).bool(false)
                    .global("collections", "OrderedDict").emptyTuple().reduce().tupleFromMark().reduce();
        });
        byte[] pkl = pickle.setItemsFromMark().stop();
        Path file = dir.resolve("views.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "views/data.pkl", pkl);
            for (Map.Entry<String, byte[]> s : storages.entrySet()) {
                put(zip, "views/data/" + s.getKey(), s.getValue());
            }
            put(zip, "views/version", "3\n".getBytes());
        }
        return file;
    }

    static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b.array();
    }

    private static byte[] doubles(double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    @Test
    void viewsWithOffsetsAndStridesAndSharedStoragesLoadInRowMajorOrder() throws IOException {
        // storage 0 holds 0..11 as a 3x4 matrix; "t" is its transpose from row 1: base.t()[1:]
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("base", new long[][] {{0, 0}, {3, 4}, {4, 1}});
        views.put("t", new long[][] {{0, 1}, {3, 3}, {1, 4}});
        views.put("row2", new long[][] {{0, 8}, {4}, {1}});
        views.put("zero_d", new long[][] {{0, 5}, {}, {}});
        float[] base = new float[12];
        for (int i = 0; i < 12; i++) {
            base[i] = i;
        }
        Path file = fileWithViews(views, Map.of("0", floats(base)), Map.of("0", "FloatStorage"));

        Map<String, TensorValues> loaded = StateDictFile.load(file);

        assertEquals(List.of("base", "t", "row2", "zero_d"), List.copyOf(loaded.keySet()));
        assertArrayEquals(base, loaded.get("base").values());
        assertArrayEquals(new float[] {1, 5, 9, 2, 6, 10, 3, 7, 11}, loaded.get("t").values());
        assertArrayEquals(new long[] {3, 3}, loaded.get("t").shape());
        assertArrayEquals(new float[] {8, 9, 10, 11}, loaded.get("row2").values());
        assertArrayEquals(new long[] {}, loaded.get("zero_d").shape());
        assertArrayEquals(new float[] {5}, loaded.get("zero_d").values());
    }

    @Test
    void int64AndExactFloat64ValuesLoadAsFloat32() throws IOException {
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("bn.num_batches_tracked", new long[][] {{0, 0}, {}, {}});
        views.put("exact", new long[][] {{1, 0}, {2}, {1}});
        Path file = fileWithViews(views, Map.of("0", longs(937), "1", doubles(0.5, -3.0)),
                Map.of("0", "LongStorage", "1", "DoubleStorage"));

        Map<String, TensorValues> loaded = StateDictFile.load(file);

        assertArrayEquals(new float[] {937}, loaded.get("bn.num_batches_tracked").values());
        assertArrayEquals(new float[] {0.5f, -3f}, loaded.get("exact").values());
    }

    @Test
    void float64ValueFloat32CannotHoldIsRefusedNamingTensorAndDtype() throws IOException {
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("fc.weight", new long[][] {{0, 0}, {2}, {1}});
        Path file = fileWithViews(views, Map.of("0", doubles(0.5, 0.1)), Map.of("0", "DoubleStorage"));

        PthFileException e = assertThrows(PthFileException.class, () -> StateDictFile.load(file));

        assertEquals(file + ": tensor 'fc.weight' is torch.float64 and its value 0.1 has no exact float32;"
                + " save it as float32 in PyTorch (model.float()) to load it here", e.getMessage());
    }

    @Test
    void int64BeyondFloat32IsRefused() throws IOException {
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("steps", new long[][] {{0, 0}, {}, {}});
        Path file = fileWithViews(views, Map.of("0", longs((1L << 24) + 1)), Map.of("0", "LongStorage"));

        PthFileException e = assertThrows(PthFileException.class, () -> StateDictFile.load(file));

        assertTrue(e.getMessage().contains("'steps' is torch.int64 and its value 16777217 has no exact float32"),
                e.getMessage());
    }

    @Test
    void storageTooShortForItsViewIsReportedAsDamaged() throws IOException {
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("w", new long[][] {{0, 0}, {2, 3}, {3, 1}});
        Path file = fileWithViews(views, Map.of("0", floats(1, 2, 3, 4)), Map.of("0", "FloatStorage"));

        PthFileException e = assertThrows(PthFileException.class, () -> StateDictFile.load(file));

        assertEquals(file + " is damaged or cut short: tensor 'w' reads element 5 of its storage data/0, which holds 4",
                e.getMessage());
    }

    @Test
    void complexStorageIsRefusedNamingTensorAndStorage() throws IOException {
        Map<String, long[][]> views = new LinkedHashMap<>();
        views.put("c", new long[][] {{0, 0}, {1}, {1}});
        Path file = fileWithViews(views, Map.of("0", floats(1, 2)), Map.of("0", "ComplexFloatStorage"));

        PthFileException e = assertThrows(PthFileException.class, () -> StateDictFile.load(file));

        assertTrue(e.getMessage().startsWith(file + ": tensor 'c' is stored as torch.ComplexFloatStorage, which does not"
                + " load here"), e.getMessage());
    }

}
