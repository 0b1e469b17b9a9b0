package dev.djlfit.article.saving;

import dev.djlfit.article.Architecture;
import dev.djlfit.article.ModelKind;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.Nets;
import dev.djlfit.torch.TensorValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.djlfit.article.data.Scaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Saving touches only the model's own files, and leaves the folder holding one whole model. */
class SaveTargetTest {

    static final Architecture NET = ModelKind.TANH.architecture(3, Nonlinearity.TANH);

    @TempDir
    Path dir;

    static Map<String, TensorValues> values(int seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return Nets.initialise(manager, NET, seed).stateDict();
        }
    }

    static void save(Path target, Map<String, TensorValues> values, Scaling scaling) throws IOException {
        SavedModel.write(SaveTarget.prepare(target, "--save"), NET, values, scaling,
                new ModelDescription.TrainingInfo("sgd", 0.01f, 10, 0, 0.5),
                new ModelDescription.DataInfo("test", 4, 0, 3, null));
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void otherFilesInTheFolderSurviveEverySave() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        save(model, values(1), Scaling.IDENTITY);
        Files.writeString(model.resolve("NOTES.txt"), "mine");
        Files.createDirectories(model.resolve("plots"));
        Files.writeString(model.resolve("plots").resolve("a.png"), "png");
        save(model, values(2), Scaling.IDENTITY);
        save(model, values(3), Scaling.IDENTITY);
        assertEquals("mine", Files.readString(model.resolve("NOTES.txt")));
        assertEquals("png", Files.readString(model.resolve("plots").resolve("a.png")));
        SavedModel loaded = SavedModel.load(model);
        assertEquals(values(3), loaded.parameters());
        assertEquals(Stream.of("NOTES.txt", "model.json", loaded.description().parameterFile(), "plots").sorted().toList(),
                names(model), "one parameter file, one description, and the user's two");
    }

    @Test
    void aSymbolicLinkIsSavedThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
        save(link, values(1), Scaling.IDENTITY);
        save(link, values(2), Scaling.IDENTITY);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(values(2), SavedModel.load(real).parameters());
        assertEquals(List.of("link", "real"), names(dir));
    }

    @Test
    void whatAKilledSaveLeftIsRemovedByTheNextAndTheOldModelNeverLost() throws Exception {
        Path model = dir.resolve("model");
        save(model, values(1), Scaling.IDENTITY);
        byte[] kept = Files.readAllBytes(model.resolve("net-0000.params"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path staging = Files.createDirectories(model.resolve(".djl-fit-" + gone.pid() + "-00c0ffee.tmp"));
        Files.write(staging.resolve("net-0001.params"), new byte[] {1, 2});
        Files.write(model.resolve("net-0001.params"), new byte[] {3, 4}); // renamed in, the switch not reached
        Files.writeString(model.resolve(".djl-fit-save.owned"), "net-0001.params\n"); // recorded before the rename
        Files.writeString(model.resolve(".djl-fit-save.lock"), "");
        assertEquals(values(1), SavedModel.load(model).parameters(), "the old model is whole");
        assertArrayEquals(kept, Files.readAllBytes(model.resolve("net-0000.params")));
        save(model, values(2), Scaling.IDENTITY);
        assertEquals(values(2), SavedModel.load(model).parameters());
        assertEquals(List.of("model.json", "net-0001.params"), names(model));

        Path first = Files.createDirectories(dir.resolve("first"));
        Files.write(first.resolve("net-0000.params"), new byte[] {5}); // a first save killed before its switch
        Files.writeString(first.resolve(".djl-fit-save.owned"), "net-0000.params\n");
        save(first, values(3), Scaling.IDENTITY);
        assertEquals(values(3), SavedModel.load(first).parameters());
        assertEquals(List.of("model.json", "net-0000.params"), names(first));
    }

    @Test
    void whatEarlierVersionsLeftIsRecovered() throws IOException {
        Path model = dir.resolve("model");
        Path aside = dir.resolve(".model.replaced-7");
        save(aside, values(1), Scaling.IDENTITY); // the old model, moved aside; the folder itself gone
        Files.createDirectories(dir.resolve(".model.saving-3"));
        SaveTarget.prepare(model, "--save");
        assertEquals(values(1), SavedModel.load(model).parameters(), "the old model is back");
        assertEquals(List.of("model"), names(dir));
    }

    @Test
    void savesRacingIntoOneFolderEachSaveWhole() throws Exception {
        Path model = dir.resolve("model");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int seed = i;
                saves.add(pool.submit(() -> {
                    save(model, values(seed), Scaling.IDENTITY);
                    return null;
                }));
            }
            for (Future<?> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        SavedModel.load(model);
        assertEquals(2, names(model).size(), names(model).toString());
    }

    @Test
    void aFailedSaveLeavesTheOldModelAndNothingElse() throws IOException {
        Path model = dir.resolve("model");
        save(model, values(1), Scaling.IDENTITY);
        SaveTarget target = SaveTarget.prepare(model, "--save");
        String message = assertThrows(SavedModelException.class, () -> target.save((staging, name) -> {
            Files.write(staging.resolve(name), new byte[10]);
            throw new IOException("No space left on device");
        })).getMessage();
        assertEquals("--save " + model + ": cannot save into " + model + " (No space left on device);"
                + " what was there before is unchanged", message);
        assertEquals(values(1), SavedModel.load(model).parameters());
        assertEquals(List.of("model.json", "net-0000.params"), names(model));
    }

    @Test
    void loadingNamesWhatIsWrongWithTheFiles() throws Exception {
        Path model = dir.resolve("model");
        save(model, values(1), Scaling.IDENTITY);
        Path params = model.resolve("net-0000.params");
        Path json = model.resolve("model.json");
        String good = Files.readString(json);

        Files.writeString(json, good.replaceAll("(?m)^\\s*\"parameterFileSha256\".*\\n", ""));
        assertEquals(json + " is corrupt: 'parameterFileSha256' is missing", message(model));
        Files.writeString(json, good.replace("\"yScale\": 1.0", "\"yScale\": 1e308"));
        assertTrue(message(model).startsWith(json + " is corrupt: scaling"), message(model));

        Files.writeString(json, good);
        byte[] bytes = Files.readAllBytes(params);
        Files.delete(params);
        Files.createDirectory(params);
        assertEquals(params + " is a folder; a saved model's files are regular files", message(model));
        Files.delete(params);
        Files.createSymbolicLink(params, Path.of("/dev/zero"));
        assertEquals(params + " is not a regular file (a device, FIFO or socket, through a link);"
                + " a saved model's files are regular files", message(model));
        Files.delete(params);
        Process mkfifo = new ProcessBuilder("mkfifo", params.toString()).start();
        if (mkfifo.waitFor() == 0) {
            assertEquals(params + " is not a regular file (a device, FIFO or socket); a saved model's files are"
                    + " regular files", message(model), "refused without opening it (a FIFO would block)");
            Files.delete(params);
        }
        Files.write(params, bytes);
        SavedModel.load(model);
    }

    private static String message(Path model) {
        return assertThrows(SavedModelException.class, () -> SavedModel.load(model)).getMessage();
    }
}
