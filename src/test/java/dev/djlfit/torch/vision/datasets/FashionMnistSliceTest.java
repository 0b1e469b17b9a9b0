package dev.djlfit.torch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.djlfit.torch.vision.FashionMnistForTests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** The slice the tests ship is what its README says: the first items of Debian's full set, unchanged. */
class FashionMnistSliceTest {

    @Test
    void theSliceIsTheFirstItemsOfTheFullSet() throws IOException {
        Path full = FashionMnistForTests.fullSet();
        for (String name : FashionMnistForTests.FILES) {
            IdxFile slice = IdxFile.read(FashionMnistForTests.SLICE.resolve(name + ".gz"));
            IdxFile whole = IdxFile.read(full.resolve(name + ".gz"));
            assertEquals(name.startsWith("train") ? 1024 : 256, slice.count(), name);
            assertArrayEquals(Arrays.copyOfRange(whole.sizes(), 1, whole.sizes().length),
                    Arrays.copyOfRange(slice.sizes(), 1, slice.sizes().length), name);
            assertArrayEquals(Arrays.copyOf(whole.data(), slice.data().length), slice.data(), name);
        }
    }
}
