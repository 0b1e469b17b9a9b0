package dev.djlfit.article.saving;

import dev.djlfit.torch.TensorValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.djlfit.article.data.Scaling;
import dev.djlfit.io.Signals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A process saving over and over into one folder, stopped at random instants: by kill -9, which
 * runs nothing, and by SIGINT (Ctrl-C). At every stop the folder holds one of the two models whole;
 * after SIGINT nothing else; after kill -9 the next save removes what is left.
 */
@Tag("external")
class KilledSaveTest {

    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    private Process start(Path model) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(Signals.interruptible(java, "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), model.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("saving", out.readLine(), "the loop started");
        return p;
    }

    private static void assertOneOfTheTwoModels(Path model, List<Map<String, TensorValues>> models) {
        Map<String, TensorValues> loaded = SavedModel.load(model).parameters();
        assertTrue(models.contains(loaded), "the folder holds one of the two models, whole");
    }

    @Test
    void everyStopLeavesOneWholeModel() throws Exception {
        Path model = dir.resolve("model");
        List<Map<String, TensorValues>> models = List.of(SaveTargetTest.values(1), SaveTargetTest.values(2));
        SaveTargetTest.save(model, models.get(0), Scaling.IDENTITY);
        Random random = new Random(12);
        for (int round = 0; round < ROUNDS; round++) {
            boolean interrupt = round % 2 == 1;
            Process p = start(model);
            Thread.sleep(300 + random.nextInt(700));
            if (interrupt) {
                Signals.interrupt(p);
            } else {
                Signals.kill(p);
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stops");
            assertOneOfTheTwoModels(model, models);
            List<String> left = SaveTargetTest.names(model);
            if (interrupt) {
                assertEquals(2, left.size(), "Ctrl-C leaves nothing but the model: " + left);
            }
        }
        SaveTargetTest.save(model, models.get(1), Scaling.IDENTITY);
        assertEquals(models.get(1), SavedModel.load(model).parameters());
        assertEquals(2, SaveTargetTest.names(model).size(), "the next save removed what kill -9 left: "
                + SaveTargetTest.names(model));
        assertEquals(List.of("model"), SaveTargetTest.names(dir));
    }
}
