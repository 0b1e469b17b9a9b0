package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.LibUtils;
import org.junit.jupiter.api.Test;

import java.util.Optional;

/** The native flavour, read from the name of the folder DJL unpacked the native library into. */
class EngineInfoTest {

    @Test
    void flavourOfDjlsCacheFolders() {
        // pytorch-native-cpu:2.5.1 and pytorch-native-cu124:2.5.1 unpack here (LibUtils, DJL 0.33.0)
        assertEquals(Optional.of("cpu"), EngineInfo.flavourOf("/root/.djl.ai/pytorch/2.5.1-20241113-cpu-linux-x86_64"));
        assertEquals(Optional.of("cu124"), EngineInfo.flavourOf("/home/u/.djl.ai/pytorch/2.5.1-20241113-cu124-linux-x86_64"));
        // what DJL downloads itself, e.g. with PYTORCH_FLAVOR, or on ARM
        assertEquals(Optional.of("cu124-precxx11"), EngineInfo.flavourOf("/c/pytorch/2.5.1-cu124-precxx11-linux-x86_64"));
        assertEquals(Optional.of("cpu-precxx11"), EngineInfo.flavourOf("/c/pytorch/2.5.1-20241113-cpu-precxx11-linux-aarch64"));
        assertEquals(Optional.of("cpu"), EngineInfo.flavourOf("C:/cache/pytorch/2.5.1-20241113-cpu-win-x86_64"));
    }

    @Test
    void foldersThatAreNotDjlsHaveNoFlavour() {
        // PYTORCH_LIBRARY_PATH may point anywhere, e.g. at a Python PyTorch's lib folder
        assertEquals(Optional.empty(), EngineInfo.flavourOf("/opt/torch/.venv/lib/python3.12/site-packages/torch/lib"));
        assertEquals(Optional.empty(), EngineInfo.flavourOf("/home/cpu-linux-x86_64/lib"));
        assertEquals(Optional.empty(), EngineInfo.flavourOf("/"));
    }

    @Test
    void flavourOfTheLoadedLibraryIsKnown() {
        String flavour = EngineInfo.flavour();
        assertEquals(EngineInfo.flavourOf(LibUtils.getLibtorchPath()), Optional.of(flavour));
        assertTrue(flavour.equals("cpu") || flavour.startsWith("cu"), flavour);
        assertTrue(EngineInfo.bundledFlavours().contains(flavour),
                "the loaded flavour comes from a jar on the class path: " + EngineInfo.bundledFlavours());
    }
}
