package dev.djlfit.cli;

import dev.djlfit.device.CudaRuntime;
import dev.djlfit.device.DeviceChoice;
import dev.djlfit.device.EngineInfo;
import ai.djl.Device;
import ai.djl.engine.Engine;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --device cpu|gpu|gpu:N|auto}: where the tensors live. A GPU that was asked for and is not
 * there is an error that says what was looked for, never a silent fall-back to the CPU; {@code auto}
 * falls back, and says why in the run's header.
 */
public final class DeviceOption {

    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(?::(\\d{1,4}))?");

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "cpu, gpu, gpu:N or auto (the first GPU if the engine sees one, else cpu);"
                    + " cuda and cuda:N are read as gpu and gpu:N (default: ${DEFAULT-VALUE}).")
    String device = "cpu";

    /** The device, with a note for the header when {@code auto} decided. */
    public DeviceChoice choose() {
        return decide(device, () -> Engine.getInstance().getGpuCount(), DeviceOption::whyNoGpu);
    }

    /**
     * @param requested what the user typed
     * @param gpus how many GPUs the engine can use (asked only when a GPU is wanted)
     * @param whyNoGpu what was looked for and not found, for when there is none
     */
    static DeviceChoice decide(String requested, IntSupplier gpus, Supplier<String> whyNoGpu) {
        String choice = requested.strip().toLowerCase(Locale.ROOT);
        if (choice.equals("cpu")) {
            return new DeviceChoice(Device.cpu(), "");
        }
        if (choice.equals("auto")) {
            int seen = gpus.getAsInt();
            return seen > 0
                    ? new DeviceChoice(Device.gpu(0), "auto: the engine sees " + seen + " GPU(s)")
                    : new DeviceChoice(Device.cpu(), "auto: no GPU: " + whyNoGpu.get());
        }
        Matcher gpu = GPU.matcher(choice);
        if (!gpu.matches()) {
            throw new UserInputException("--device must be cpu, gpu, gpu:N or auto, got '" + requested + "'");
        }
        int index = gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1));
        int seen = gpus.getAsInt();
        if (seen == 0) {
            throw new UserInputException("--device " + requested + ": no usable GPU ("
                    + whyNoGpu.get() + "); use --device cpu or auto");
        }
        if (index >= seen) {
            throw new UserInputException("--device " + requested + ": the PyTorch engine sees " + seen
                    + " GPU(s), gpu:0 to gpu:" + (seen - 1));
        }
        return new DeviceChoice(Device.gpu(index), "");
    }

    /** E.g. {@code native library cpu is CPU-only (build with -Pcuda for cu124); libcudart 13.0 found, no CUDA driver}. */
    static String whyNoGpu() {
        return whyNoGpu(EngineInfo.flavour(), EngineInfo.installed(), EngineInfo.bundledFlavours(),
                CudaRuntime.probe());
    }

    /**
     * @param flavour the native library loaded
     * @param installed the libtorch DJL took from {@code PYTORCH_LIBRARY_PATH}, if it did
     * @param bundled the flavours of the pytorch-native jars on the class path
     * @param cuda what the CUDA runtime says
     */
    static String whyNoGpu(String flavour, Optional<EngineInfo.InstalledLibTorch> installed, List<String> bundled,
                           CudaRuntime cuda) {
        if (installed.isPresent()) {
            return whyNoGpu(installed.get(), cuda);
        }
        String library;
        if (flavour.startsWith("cu")) {
            library = "native library " + flavour + " loaded, but PyTorch finds no CUDA device";
        } else {
            library = bundled.stream().filter(f -> f.startsWith("cu")).findFirst()
                    .map(cu -> "native library " + flavour + " loaded, bundled " + cu
                            + " skipped as libcudart found no GPU")
                    .orElse("native library " + flavour + " is CPU-only (build with -Pcuda for cu124)");
        }
        return library + "; " + cuda.describe();
    }

    /** The same for a libtorch from {@code PYTORCH_LIBRARY_PATH}: the {@code cuda} profile does not apply. */
    private static String whyNoGpu(EngineInfo.InstalledLibTorch installed, CudaRuntime cuda) {
        String library = "libtorch " + installed.version().map(v -> v + " ").orElse("")
                + "from PYTORCH_LIBRARY_PATH";
        if (!installed.cuda()) {
            return library + " is CPU-only (no libtorch_cuda.so): use a CUDA build of PyTorch and build its JNI; "
                    + cuda.describe();
        }
        String runtime = cuda.loaded() ? cuda.describe()
                : installed.pipCudart().map(dir -> "libcudart not found by JNA: set -Djna.library.path=" + dir)
                        .orElse(cuda.describe());
        return library + " is " + installed.flavour() + ", but CUDA is not visible; " + runtime;
    }
}
