package dev.djlfit.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.parity.PyTorchForTests;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.Lambda;
import dev.djlfit.torch.vision.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The transforms port's one-hot target ({@code scatter_} in a {@code Lambda}) against PyTorch's,
 * from {@code basics_shown.py transforms}: every label, and the first items of the dataset built
 * with it. Skipped, saying what to install, where /usr/bin/python3 lacks PyTorch or torchvision.
 */
class TransformsParityTest {

    @Tag("external")
    @Test
    void oneHotTargetsArePyTorchs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("reference.json");
        String printed = PyTorchForTests.referenceWithTorchvision().startScript("basics_shown.py", List.of("transforms", "--data",
                FashionMnistForTests.SLICE.toString(), "--out", out.toString())).output();
        assertEquals("", printed, "the original prints nothing");
        JsonObject reference = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        try (NDManager m = NDManager.newBaseManager()) {
            Lambda<Integer, NDArray> oneHot = Transforms.oneHot(m);
            JsonArray expected = reference.getAsJsonArray("one_hot");
            for (int y = 0; y < 10; y++) {
                assertEquals(floats(expected.get(y).getAsJsonArray()), floats(oneHot.apply(y)), "label " + y);
            }
            FashionMNIST ds = new FashionMNIST(FashionMnistForTests.SLICE, true, new ToTensor(), oneHot);
            JsonArray first = reference.getAsJsonArray("first_targets");
            assertEquals(5, first.size());
            for (int i = 0; i < first.size(); i++) {
                assertEquals(floats(first.get(i).getAsJsonArray()), floats(ds.get(i).y()), "item " + i);
            }
        }
    }

    private static List<Float> floats(JsonArray a) {
        List<Float> values = new ArrayList<>();
        for (JsonElement e : a) {
            values.add(e.getAsFloat());
        }
        return values;
    }

    private static List<Float> floats(NDArray t) {
        List<Float> values = new ArrayList<>();
        for (float v : t.toFloatArray()) {
            values.add(v);
        }
        return values;
    }
}
