package dev.djlfit.torch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are no state_dict: one line in the user's words, naming the file, and nothing else touched. */
class StateDictFileBadInputTest {

    @TempDir
    Path dir;

    private static String loadFails(Path file) {
        String message = assertThrows(PthFileException.class, () -> StateDictFile.load(file)).getMessage();
        assertOneLineInUsersWords(message);
        return message;
    }

    static void assertOneLineInUsersWords(String message) {
        assertFalse(message.contains("\n"), message);
        assertFalse(message.matches(".*\\b(java|javax|dev\\.djlfit)\\.\\w.*"), "names no Java package: " + message);
        assertFalse(message.matches(".*[A-Za-z]*(Exception|Error)\\b.*"), "names no exception class: " + message);
    }

    private Path pthWithPickle(String name, byte[] pickle) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            StateDictFileRoundTripTest.put(zip, "archive/data.pkl", pickle);
            StateDictFileRoundTripTest.put(zip, "archive/version", "3\n".getBytes());
        }
        return file;
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("none.pth");
        assertEquals("cannot load " + file + ": no such file", loadFails(file));
    }

    @Test
    void folderInsteadOfFile() {
        assertEquals("cannot load " + dir + ": it is a folder, not a file", loadFails(dir));
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.pth"), new byte[0]);
        assertEquals(file + " is empty, not a PyTorch .pth file", loadFails(file));
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.pth"), "epoch,loss\n1,0.5\n");
        assertEquals(file + " is not a PyTorch .pth file (torch.save writes a zip archive; this is not one)", loadFails(file));
    }

    @Test
    void legacyPickleFormat() throws IOException {
        // a pre-1.6 file starts with a protocol-2 pickle of PyTorch's magic number
        Path file = Files.write(dir.resolve("old.pth"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc});
        assertEquals(file + " is in PyTorch's legacy format (written before PyTorch 1.6, or with"
                + " _use_new_zipfile_serialization=False); load it in PyTorch and torch.save it again", loadFails(file));
    }

    @Test
    void truncatedFile() throws IOException {
        Path whole = dir.resolve("whole.pth");
        StateDictFile.save(StateDictFileRoundTripTest.sample(), whole);
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {bytes.length - 1, bytes.length / 2, 100}) {
            Path file = Files.write(dir.resolve("cut" + keep + ".pth"), Arrays.copyOf(bytes, keep));
            assertEquals(file + " is damaged or cut short: its zip directory cannot be read", loadFails(file));
        }
    }

    @Test
    void zipWithoutDataPkl() throws IOException {
        Path file = dir.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            StateDictFileRoundTripTest.put(zip, "a.txt", "hello".getBytes());
        }
        assertEquals(file + " is a zip archive but not a PyTorch .pth file (it has no data.pkl)", loadFails(file));
    }

    @Test
    void torchScriptArchive() throws IOException {
        Path file = dir.resolve("scripted.pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            StateDictFileRoundTripTest.put(zip, "scripted/data.pkl", new PickleWriter().integer(1).stop());
            StateDictFileRoundTripTest.put(zip, "scripted/constants.pkl", new PickleWriter().emptyTuple().stop());
        }
        assertEquals(file + " is a TorchScript archive (torch.jit.save), not a torch.save file;"
                + " save the model's state_dict with torch.save instead", loadFails(file));
    }

    @Test
    void pickleOfSomethingElse() throws IOException {
        Path list = pthWithPickle("list.pth", new PickleWriter().tupleOf(1, 2).stop());
        assertEquals(list + " holds a tuple, not a state_dict; save model.state_dict() with torch.save", loadFails(list));

        Path model = pthWithPickle("model.pth", new PickleWriter()
                .global("__main__", "NeuralNetwork").emptyTuple().reduce().stop());
        assertEquals(model + " holds a pickled NeuralNetwork object (__main__.NeuralNetwork, as torch.save(model) writes),"
                + " not a state_dict; save model.state_dict() with torch.save", loadFails(model));

        PickleWriter checkpoint = new PickleWriter();
        checkpoint.global("collections", "OrderedDict").emptyTuple().reduce().mark().string("epoch").integer(5)
                .setItemsFromMark();
        Path ckpt = pthWithPickle("ckpt.pth", checkpoint.stop());
        assertEquals(ckpt + ": 'epoch' is an int, not a tensor; only a state_dict (names to tensors) loads here,"
                + " not a checkpoint of other things", loadFails(ckpt));
    }

    @Test
    void damagedPickle() throws IOException {
        byte[] whole = new PickleWriter().global("collections", "OrderedDict").emptyTuple().reduce().stop();
        Path cut = pthWithPickle("cut.pth", Arrays.copyOf(whole, whole.length - 3));
        assertEquals(cut + " cannot be read: its data.pkl ends early (cut short, or damaged)", loadFails(cut));

        Path code = pthWithPickle("code.pth", new byte[] {(byte) 0x80, 2, 'i', 'x', '\n', '.'});
        assertEquals(code + " cannot be read: its data.pkl uses pickle opcode 0x69 at byte 2, which this reader does"
                + " not handle", loadFails(code));
    }

    @Test
    void missingStorage() throws IOException {
        Path whole = dir.resolve("whole.pth");
        StateDictFile.save(Map.of("w", TensorValues.vector(1, 2)), whole);
        Path file = dir.resolve("nostorage.pth");
        try (var in = new java.util.zip.ZipFile(whole.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : List.of("whole/data.pkl", "whole/version")) {
                StateDictFileRoundTripTest.put(zip, e, in.getInputStream(in.getEntry(e)).readAllBytes());
            }
        }
        assertEquals(file + " is damaged: its tensor data data/0 is missing", loadFails(file));
    }

    @Test
    void saveToAMissingFolderOrAFolderSaysSoAndWritesNothing() {
        Path inMissing = dir.resolve("no/such/model.pth");
        String message = assertThrows(PthFileException.class,
                () -> StateDictFile.save(StateDictFileRoundTripTest.sample(), inMissing)).getMessage();
        assertEquals("cannot save " + inMissing + ": the folder " + inMissing.getParent() + " does not exist", message);
        assertFalse(Files.exists(dir.resolve("no")));

        message = assertThrows(PthFileException.class,
                () -> StateDictFile.save(StateDictFileRoundTripTest.sample(), dir)).getMessage();
        assertEquals("cannot save to " + dir + ": it is a folder", message);
    }

    @Test
    void saveIntoAReadOnlyFolderSaysSoAndLeavesTheOldFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path file = Files.writeString(folder.resolve("model.pth"), "old");
        assertTrue(folder.toFile().setWritable(false));
        try {
            if (Files.isWritable(folder)) {
                return; // running as root: permissions do not stop a write
            }
            String message = assertThrows(PthFileException.class,
                    () -> StateDictFile.save(StateDictFileRoundTripTest.sample(), file)).getMessage();
            assertOneLineInUsersWords(message);
            assertEquals("cannot save " + file + ": permission denied (nothing was written there)", message);
            assertEquals("old", Files.readString(file));
        } finally {
            folder.toFile().setWritable(true);
        }
    }

    @Test
    void nullTensorIsRefusedBeforeAnythingIsWritten() {
        Map<String, TensorValues> state = new LinkedHashMap<>();
        state.put("w", null);
        Path file = dir.resolve("model.pth");
        String message = assertThrows(PthFileException.class, () -> StateDictFile.save(state, file)).getMessage();
        assertEquals("cannot save " + file + ": the state_dict maps 'w' to no tensor (null)", message);
        assertFalse(Files.exists(file));
    }
}
