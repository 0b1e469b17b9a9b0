package dev.djlfit.article.saving;

import dev.djlfit.article.Architecture;
import dev.djlfit.article.ModelKind;
import dev.djlfit.article.Nonlinearity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.djlfit.article.Nets;
import dev.djlfit.article.data.Scaling;
import dev.djlfit.torch.TensorValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class SavedModelTest {

    private static final Architecture DEEP = ModelKind.DEEP.architecture(6, Nonlinearity.SIGMOID);
    private static final Scaling SCALING = new Scaling(1.5, 1.118, 14.5, 12.5);

    @TempDir
    Path dir;

    private static Map<String, TensorValues> initialised(Architecture architecture, int seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return Nets.initialise(manager, architecture, seed).stateDict();
        }
    }

    private static void save(Path target, Architecture architecture, Map<String, TensorValues> values) throws IOException {
        SavedModel.write(SaveTarget.prepare(target, "--save"), architecture, values, SCALING,
                new ModelDescription.TrainingInfo("adam", 0.001f, 10, 3, 0.5),
                new ModelDescription.DataInfo("test", 4, 0, 3, "3*x^2 + 2*x + 1"));
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void roundTripKeepsEveryValueBitForBit() throws IOException {
        Map<String, TensorValues> values = initialised(DEEP, 7);
        Path target = dir.resolve("model");
        save(target, DEEP, values);

        assertEquals(List.of(target), listing(dir), "only the model directory, no staging left behind");
        assertEquals(List.of(target.resolve("model.json"), target.resolve(DjlParameterFile.FILE_NAME)), listing(target));
        SavedModel loaded = SavedModel.load(target);
        assertEquals(DEEP, loaded.architecture());
        assertEquals(SCALING, loaded.scaling());
        assertEquals(List.copyOf(values.keySet()), List.copyOf(loaded.parameters().keySet()));
        for (String name : values.keySet()) {
            assertArrayEquals(values.get(name).shape(), loaded.parameters().get(name).shape(), name);
            assertArrayEquals(values.get(name).values(), loaded.parameters().get(name).values(), name);
        }
        assertEquals("adam", loaded.description().training().optimizer());
        assertEquals("deep", loaded.description().architecture().model());
        assertEquals("1→6→sigmoid→6→sigmoid→1", loaded.description().architecture().layers());
    }

    @Test
    void plainDjlReadsTheParameterFile() throws Exception {
        Map<String, TensorValues> values = initialised(DEEP, 1);
        Path target = dir.resolve("model");
        save(target, DEEP, values);
        Map<String, TensorValues> read = DjlParameterFile.read(target, DjlParameterFile.FILE_NAME, DEEP);
        assertEquals(values, read);
    }

    @Test
    void aFailedRunLeavesAnEarlierModelUntouched() throws IOException {
        Path target = dir.resolve("model");
        save(target, DEEP, initialised(DEEP, 1));
        byte[] before = Files.readAllBytes(target.resolve(DjlParameterFile.FILE_NAME));
        SaveTarget save = SaveTarget.prepare(target, "--save");
        assertThrows(SavedModelException.class, () -> save.save((staging, name) -> {
            Files.writeString(staging.resolve(name), "half");
            throw new IOException("No space left on device");
        }));
        assertEquals(List.of(target), listing(dir));
        assertArrayEquals(before, Files.readAllBytes(target.resolve(DjlParameterFile.FILE_NAME)));
        SavedModel.load(target);
    }

    @Test
    void aSuccessfulRunReplacesAnEarlierModel() throws IOException {
        Path target = dir.resolve("model");
        Architecture small = ModelKind.TANH.architecture(3, Nonlinearity.TANH);
        save(target, DEEP, initialised(DEEP, 1));
        save(target, small, initialised(small, 2));
        assertEquals(small, SavedModel.load(target).architecture());
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void descriptionAndFileMustAgree() throws IOException {
        Path tanh = dir.resolve("tanh");
        Architecture tanhNet = ModelKind.TANH.architecture(10, Nonlinearity.TANH);
        save(tanh, tanhNet, initialised(tanhNet, 0));
        Path deep = dir.resolve("deep");
        save(deep, DEEP, initialised(DEEP, 0));

        Files.copy(deep.resolve(DjlParameterFile.FILE_NAME), tanh.resolve(DjlParameterFile.FILE_NAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String message = assertThrows(SavedModelException.class, () -> SavedModel.load(tanh)).getMessage();
        assertTrue(message.contains("the file is from a net of another architecture than 1→10→tanh→1"), message);
    }

    @Test
    void aChangedParameterFileIsNoticed() throws IOException {
        Path target = dir.resolve("model");
        Architecture tanhNet = ModelKind.TANH.architecture(10, Nonlinearity.TANH);
        save(target, tanhNet, initialised(tanhNet, 0));
        Path file = target.resolve(DjlParameterFile.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x01; // the last bit of the last parameter value
        Files.write(file, bytes);
        String message = assertThrows(SavedModelException.class, () -> SavedModel.load(target)).getMessage();
        assertTrue(message.endsWith("its SHA-256 differs from the one recorded when it was saved (changed or replaced since)"),
                message);
    }

    @Test
    void saveRefusesFilesAndForeignDirectories() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals("--save " + file + ": is a file, not a folder",
                assertThrows(SavedModelException.class, () -> SaveTarget.prepare(file, "--save")).getMessage());
        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("a.jpg"), "x");
        assertTrue(assertThrows(SavedModelException.class, () -> SaveTarget.prepare(foreign, "--save")).getMessage()
                .contains("is a directory that is neither empty nor a saved model"));
        assertEquals("mine", Files.readString(file));
        assertFalse(Files.exists(dir.resolve(".notes.txt.saving-")));
    }

    @Test
    void descriptionMustListTheArchitecturesParameters() throws IOException {
        Path target = dir.resolve("model");
        Architecture tanhNet = ModelKind.TANH.architecture(10, Nonlinearity.TANH);
        save(target, tanhNet, initialised(tanhNet, 0));
        Path json = target.resolve("model.json");
        String original = Files.readString(json);

        Files.writeString(json, original.replace("\"l2.bias\"", "\"l3.bias\""));
        assertTrue(assertThrows(SavedModelException.class, () -> SavedModel.load(target)).getMessage()
                .contains("lists parameter 4 as l3.bias (03Linear_bias) [1] but its architecture 1→10→tanh→1 has l2.bias"));

        Files.writeString(json, original.replace("\"03Linear_weight\"", "\"02Linear_weight\""));
        assertTrue(assertThrows(SavedModelException.class, () -> SavedModel.load(target)).getMessage()
                .contains("lists parameter 3 as l2.weight (02Linear_weight)"));

        Files.writeString(json, original.replace("\"formatVersion\": 1", "\"formatVersion\": 7"));
        assertTrue(assertThrows(SavedModelException.class, () -> SavedModel.load(target)).getMessage()
                .endsWith("has format version 7; this djl-fit reads version 1"));
    }
}
