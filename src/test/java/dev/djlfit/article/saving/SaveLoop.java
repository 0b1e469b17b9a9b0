package dev.djlfit.article.saving;

import dev.djlfit.torch.TensorValues;
import dev.djlfit.article.data.Scaling;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Saves two models into one folder in turn until it is killed: for {@link KilledSaveTest}. */
public final class SaveLoop {

    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Map<String, TensorValues>> models = List.of(SaveTargetTest.values(1), SaveTargetTest.values(2));
        // the first save removes what a killed run left; the test stops this one only after it
        SaveTargetTest.save(dir, models.get(0), Scaling.IDENTITY);
        System.out.println("saving");
        System.out.flush();
        for (int i = 1; ; i++) {
            SaveTargetTest.save(dir, models.get(i % 2), Scaling.IDENTITY);
        }
    }
}
