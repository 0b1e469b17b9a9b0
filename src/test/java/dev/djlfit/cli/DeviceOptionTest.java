package dev.djlfit.cli;

import dev.djlfit.device.CudaRuntime;
import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** How {@code --device} decides, for any number of GPUs: no GPU is needed to run these. */
class DeviceOptionTest {

    private static final Supplier<String> WHY = () -> "WHY";

    private static IntSupplier gpus(int count) {
        return () -> count;
    }

    private static IntSupplier notAsked() {
        return () -> {
            throw new AssertionError("the GPU count must not be asked for");
        };
    }

    @Test
    void cpuNeverAsksForGpus() {
        DeviceChoice choice = DeviceOption.decide("cpu", notAsked(), WHY);
        assertEquals(Device.cpu(), choice.device());
        assertEquals("cpu()", choice.describe());
    }

    @Test
    void autoTakesTheFirstGpuWhenThereIsOne() {
        DeviceChoice choice = DeviceOption.decide("auto", gpus(2), WHY);
        assertEquals(Device.gpu(0), choice.device());
        assertEquals("gpu(0) (auto: the engine sees 2 GPU(s))", choice.describe());
    }

    @Test
    void autoFallsBackToCpuAndSaysWhy() {
        DeviceChoice choice = DeviceOption.decide("AUTO", gpus(0), WHY);
        assertEquals(Device.cpu(), choice.device());
        assertEquals("cpu() (auto: no GPU: WHY)", choice.describe());
    }

    @Test
    void gpuAndGpuNPickThatGpu() {
        assertEquals(Device.gpu(0), DeviceOption.decide("gpu", gpus(1), WHY).device());
        assertEquals(Device.gpu(0), DeviceOption.decide("gpu:0", gpus(1), WHY).device());
        assertEquals(Device.gpu(1), DeviceOption.decide("gpu:1", gpus(2), WHY).device());
        assertEquals(Device.gpu(1), DeviceOption.decide(" CUDA:1 ", gpus(2), WHY).device());
        assertEquals(Device.gpu(0), DeviceOption.decide("cuda", gpus(2), WHY).device());
    }

    @Test
    void gpuWithoutAnyIsAnErrorThatSaysWhatWasLookedFor() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DeviceOption.decide("gpu", gpus(0), WHY));
        assertEquals("--device gpu: no usable GPU (WHY); use --device cpu or auto",
                e.getMessage());
    }

    @Test
    void gpuBeyondTheCountNamesTheValidRange() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DeviceOption.decide("gpu:2", gpus(2), WHY));
        assertEquals("--device gpu:2: the PyTorch engine sees 2 GPU(s), gpu:0 to gpu:1", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpu", "gpu:", "gpu:-1", "gpu:x", "gpu:12345", "gpu0", "", "cpu:0"})
    void malformedValuesAreRejectedBeforeTheEngineIsAsked(String value) {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DeviceOption.decide(value, notAsked(), WHY));
        assertEquals("--device must be cpu, gpu, gpu:N or auto, got '" + value + "'", e.getMessage());
    }

    @Test
    void whyNoGpuNamesTheNativeFlavourAndTheCudaRuntime() {
        CudaRuntime missing = CudaRuntime.notFound("libcudart.so: cannot open shared object file");
        assertEquals("native library cpu is CPU-only (build with -Pcuda for cu124);"
                        + " libcudart (CUDA runtime) not found by JNA: install CUDA or set -Djna.library.path",
                DeviceOption.whyNoGpu("cpu", Optional.empty(), List.of("cpu"), missing));
        CudaRuntime noDevice = new CudaRuntime(true, 12040, 12080, 0, 100, "no CUDA-capable device is detected");
        assertEquals("native library cu124 loaded, but PyTorch finds no CUDA device; libcudart 12.4,"
                        + " CUDA driver 12.8: no CUDA-capable device is detected (100)",
                DeviceOption.whyNoGpu("cu124", Optional.empty(), List.of("cu124", "cpu"), noDevice));
    }

    @Test
    void whyNoGpuSaysWhenACudaLibraryWasBundledButSkipped() {
        // built with -Pcuda, but DJL found no GPU through libcudart and took the CPU library
        CudaRuntime oldDriver = new CudaRuntime(true, 12040, 12020, 0, 35,
                "CUDA driver version is insufficient for CUDA runtime version");
        String why = DeviceOption.whyNoGpu("cpu", Optional.empty(), List.of("cu124", "cpu"), oldDriver);
        assertEquals("native library cpu loaded, bundled cu124 skipped as libcudart found no GPU;"
                + " libcudart 12.4, CUDA driver 12.2: CUDA driver version is insufficient for CUDA runtime"
                + " version (35)", why);
        UserInputException e = assertThrows(UserInputException.class,
                () -> DeviceOption.decide("gpu:12", gpus(0), () -> why));
        assertTrue(("error: " + e.getMessage()).length() <= 300,
                "the longest explanation fits ErrorHandling's one line of 300 characters: " + e.getMessage());
    }

    private static EngineInfo.InstalledLibTorch installed(String version, String flavour, boolean cuda) {
        return new EngineInfo.InstalledLibTorch(Path.of("/opt/venv/lib/python3.12/site-packages/torch/lib"),
                Optional.of(version), flavour, cuda, List.of());
    }

    @Test
    void whyNoGpuForACpuOnlyInstalledPyTorchSaysWhatAppliesToThatRoute() {
        CudaRuntime missing = CudaRuntime.notFound("libcudart.so: cannot open shared object file");
        // the pytorch-native jars on the class path play no part once PYTORCH_LIBRARY_PATH is taken
        String why = DeviceOption.whyNoGpu("cpu", Optional.of(installed("1.13.0a0", "cpu", false)),
                List.of("cpu"), missing);
        assertEquals("libtorch 1.13.0a0 from PYTORCH_LIBRARY_PATH is CPU-only (no libtorch_cuda.so):"
                + " use a CUDA build of PyTorch and build its JNI;"
                + " libcudart (CUDA runtime) not found by JNA: install CUDA or set -Djna.library.path", why);
        UserInputException e = assertThrows(UserInputException.class,
                () -> DeviceOption.decide("gpu:12", gpus(0), () -> why));
        assertTrue(("error: " + e.getMessage()).length() <= 300,
                "fits ErrorHandling's one line of 300 characters: " + e.getMessage());
    }

    @Test
    void whyNoGpuForACudaInstalledPyTorchNamesWhatCudaSaid() {
        CudaRuntime noDriver = new CudaRuntime(true, 13000, 0, 0, 35, "CUDA driver version is insufficient");
        assertEquals("libtorch 2.11.0 from PYTORCH_LIBRARY_PATH is cu130, but CUDA is not visible;"
                        + " libcudart 13.0 found, no CUDA driver",
                DeviceOption.whyNoGpu("cu130", Optional.of(installed("2.11.0", "cu130", true)),
                        List.of("cpu", "cu124"), noDriver));
        CudaRuntime missing = CudaRuntime.notFound("libcudart.so: cannot open shared object file");
        assertEquals("libtorch 2.11.0 from PYTORCH_LIBRARY_PATH is cu130, but CUDA is not visible;"
                        + " libcudart (CUDA runtime) not found by JNA: install CUDA or set -Djna.library.path",
                DeviceOption.whyNoGpu("cu130", Optional.of(installed("2.11.0", "cu130", true)),
                        List.of("cpu"), missing), "no pip libcudart beside this torch to point at");
    }

    @Test
    void whyNoGpuPointsJnaAtPipsLibcudartBesideTheInstalledPyTorch(@TempDir Path root) throws Exception {
        Path lib = Files.createDirectories(root.resolve("site-packages/torch/lib"));
        Path cudart = Files.createDirectories(root.resolve("site-packages/nvidia/cuda_runtime/lib"));
        Files.createFile(cudart.resolve("libcudart.so.12"));
        EngineInfo.InstalledLibTorch pip = new EngineInfo.InstalledLibTorch(lib, Optional.of("2.5.1"), "cu124",
                true, List.of());
        String why = DeviceOption.whyNoGpu("cu124", Optional.of(pip), List.of("cpu"),
                CudaRuntime.notFound("libcudart.so: cannot open shared object file"));
        assertEquals("libtorch 2.5.1 from PYTORCH_LIBRARY_PATH is cu124, but CUDA is not visible;"
                + " libcudart not found by JNA: set -Djna.library.path=" + cudart, why);
        assertFalse(why.contains("-Pcuda"), why);
    }

    @Test
    void cudaRuntimeDescribesEachWayItCanFail() {
        assertEquals("libcudart 13.0 found, no CUDA driver",
                new CudaRuntime(true, 13000, 0, 0, 35, "CUDA driver version is insufficient").describe());
        assertEquals("libcudart 12.4, CUDA driver 12.2:"
                        + " CUDA driver version is insufficient for CUDA runtime version (35)",
                new CudaRuntime(true, 12040, 12020, 0, 35,
                        "CUDA driver version is insufficient for CUDA runtime version").describe());
        assertEquals("libcudart 12.4, CUDA driver 13.0, 1 GPU(s)",
                new CudaRuntime(true, 12040, 13000, 1, 0, "").describe());
        assertEquals("?", CudaRuntime.version(0));
        assertEquals("11.8", CudaRuntime.version(11080));
    }

    @Test
    void theProbeOfThisMachineGivesAConsistentAnswer() {
        CudaRuntime here = CudaRuntime.probe();
        if (!here.loaded()) {
            assertEquals(0, here.deviceCount());
            assertFalse(here.errorText().isEmpty(), "JNA says why libcudart did not load");
        } else {
            assertTrue(here.runtimeVersion() > 0, "a loaded libcudart reports its version");
            assertTrue(here.error() != 0 || here.deviceCount() > 0 || here.driverVersion() == 0);
        }
    }
}
