package dev.djlfit.torch.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.vision.FashionMnistForTests;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

import org.junit.jupiter.api.Test;

import java.util.Iterator;

/** A batch's arrays are freed when the next batch is drawn or the loop ends: epochs keep the array count flat. */
class DataLoaderMemoryTest {

    @Test
    void aBatchIsFreedAtTheNextBatchAndAtTheEndOfTheLoop() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DataLoader loader = new DataLoader(DataLoaderParityTest.dataset(manager), 64, true, false);
            Batch previous = null;
            NDArray derived = null;
            for (Batch batch : loader) {
                if (previous != null) {
                    assertTrue(previous.x().isReleased() && previous.y().isReleased(), "the previous batch is freed");
                    assertTrue(derived.isReleased(), "what was made from the previous batch is freed");
                }
                assertFalse(batch.x().isReleased());
                previous = batch;
                derived = batch.x().mul(2);
            }
            assertTrue(previous.x().isReleased(), "the last batch is freed when the loop ends");

            Iterator<Batch> abandoned = loader.iterator();
            Batch kept = abandoned.next();
            loader.iterator().next();
            assertTrue(kept.x().isReleased(), "iterating again frees a batch a broken-off loop left");
        }
    }

    @Test
    void epochsOverEachKindOfDatasetKeepTheArrayCountFlat() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TensorDataset tensors = DataLoaderParityTest.dataset(manager);
            Dataset<Sample> itemByItem = new Dataset<>() {
                @Override
                public int size() {
                    return tensors.size();
                }

                @Override
                public Sample get(int index) {
                    return tensors.get(index);
                }
            };
            FashionMNIST images = new FashionMNIST(FashionMnistForTests.SLICE, true, new ToTensor());
            for (Dataset<Sample> dataset : java.util.List.of(tensors, itemByItem, images)) {
                DataLoader loader = new DataLoader(dataset, 64, true, false);
                NDManager everything = manager.getParentManager();
                epoch(loader);
                int afterOne = everything.getManagedArrays().size();
                for (int e = 0; e < 4; e++) {
                    epoch(loader);
                }
                assertEquals(afterOne, everything.getManagedArrays().size(), "live arrays after epoch 1 and epoch 5");
            }
        }
    }

    private static void epoch(DataLoader loader) {
        for (Batch batch : loader) {
            NDArray scaled = batch.x().mul(3).sum();
            assertFalse(scaled.isReleased());
        }
    }
}
