package dev.djlfit.device;

import dev.djlfit.cli.Main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.LibUtils;
import dev.djlfit.device.EngineInfo.InstalledLibTorch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The native flavour, read from the name of the folder DJL unpacked the native library into, and,
 * for a libtorch taken from {@code PYTORCH_LIBRARY_PATH}, its version and flavour, from the files
 * an installed PyTorch keeps beside it and the settings DJL reads (laid out in a temporary folder:
 * no libtorch is loaded from it).
 */
class EngineInfoTest {

    /** DJL's settings, as {@code Utils.getEnvOrSystemProperty} would give them. */
    private static UnaryOperator<String> settings(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map::get;
    }

    /** {@code site-packages/torch} as pip lays it out: {@code lib/} with the libraries, {@code version.py}. */
    private static Path pipTorch(Path root, String versionPy, String... libraries) throws IOException {
        Path torch = root.resolve("site-packages/torch");
        Files.createDirectories(torch.resolve("lib"));
        for (String library : libraries) {
            Files.createFile(torch.resolve("lib").resolve(library));
        }
        Files.writeString(torch.resolve("version.py"), versionPy);
        return torch;
    }

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

    @Test
    void aPipCudaBuildIsNamedByItsVersionPy(@TempDir Path root) throws IOException {
        // torch 2.x writes annotated assignments; the local part of the version names the wheel's index
        Path torch = pipTorch(root, "from typing import Optional\n\n__all__ = ['__version__', 'cuda']\n"
                + "__version__ = '2.11.0+cu130'\ndebug = False\ncuda: Optional[str] = '13.0'\n"
                + "git_version = 'abc'\nhip: Optional[str] = None\n",
                "libtorch.so", "libtorch_cpu.so", "libtorch_cuda.so", "libc10.so", "libc10_cuda.so");
        Path lib = torch.resolve("lib");
        InstalledLibTorch found = InstalledLibTorch.find(lib, settings("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_VERSION", "2.11.0", "PYTORCH_FLAVOR", "cu130")).orElseThrow();
        assertEquals(Optional.of("2.11.0"), found.version());
        assertEquals("cu130", found.flavour());
        assertTrue(found.cuda());
        assertEquals(List.of(), found.disagreements());
        assertEquals("libtorch from PYTORCH_LIBRARY_PATH=" + lib, found.describe());
    }

    @Test
    void aPlainPypiWheelRecordsItsCudaOnlyInVersionPy(@TempDir Path root) throws IOException {
        Path lib = pipTorch(root, "__version__ = '2.5.1'\ncuda: Optional[str] = '12.4'\n",
                "libtorch.so", "libtorch_cuda.so").resolve("lib");
        InstalledLibTorch found = InstalledLibTorch.read(lib, settings());
        assertEquals(Optional.of("2.5.1"), found.version());
        assertEquals("cu124", found.flavour());
    }

    @Test
    void debiansPyTorchLaidOutAsPipDoesIsCpu(@TempDir Path root) throws IOException {
        // what /usr/lib/python3/dist-packages/torch/version.py of Debian's 1.13 says
        Path lib = pipTorch(root, "__version__ = '1.13.0a0'\ndebug = False\ncuda = None\n"
                + "git_version = 'Unknown'\nhip = None\n", "libtorch.so", "libtorch_cpu.so", "libc10.so")
                .resolve("lib");
        InstalledLibTorch found = InstalledLibTorch.read(lib, settings(
                "PYTORCH_VERSION", "1.13.0a0", "PYTORCH_FLAVOR", "cpu"));
        assertEquals(Optional.of("1.13.0a0"), found.version());
        assertEquals("cpu", found.flavour());
        assertFalse(found.cuda());
        assertEquals(List.of(), found.disagreements());
    }

    @Test
    void aLibtorchZipIsNamedByItsBuildVersion(@TempDir Path root) throws IOException {
        Path libtorch = root.resolve("libtorch");
        Files.createDirectories(libtorch.resolve("lib"));
        Files.createFile(libtorch.resolve("lib/libtorch.so"));
        Files.createFile(libtorch.resolve("lib/libtorch_cuda.so"));
        Files.writeString(libtorch.resolve("build-version"), "2.5.1+cu124\n");
        InstalledLibTorch found = InstalledLibTorch.read(libtorch.resolve("lib"), settings());
        assertEquals(Optional.of("2.5.1"), found.version());
        assertEquals("cu124", found.flavour());
        Files.writeString(libtorch.resolve("build-version"), "2.5.1+cpu\n");
        Files.delete(libtorch.resolve("lib/libtorch_cuda.so"));
        assertEquals("cpu", InstalledLibTorch.read(libtorch.resolve("lib"), settings()).flavour());
    }

    @Test
    void withoutRecordsDjlsSettingsNameTheLibrary(@TempDir Path root) throws IOException {
        Path lib = root.resolve("somewhere/lib");
        Files.createDirectories(lib);
        Files.createFile(lib.resolve("libtorch.so"));
        Files.createFile(lib.resolve("libtorch_cuda.so"));
        InstalledLibTorch named = InstalledLibTorch.read(lib, settings("PYTORCH_VERSION", "2.4.0",
                "PYTORCH_FLAVOR", "cu121"));
        assertEquals(Optional.of("2.4.0"), named.version());
        assertEquals("cu121", named.flavour());
        InstalledLibTorch unnamed = InstalledLibTorch.read(lib, settings());
        assertEquals(Optional.empty(), unnamed.version(), "the engine line then says what DJL reports");
        assertEquals("cuda", unnamed.flavour());
    }

    @Test
    void settingsThatContradictTheLibraryAreSaid(@TempDir Path root) throws IOException {
        // DJL looks the JNI up by PYTORCH_VERSION and PYTORCH_FLAVOR: wrong ones load a JNI made for another build
        Path lib = pipTorch(root, "__version__ = '1.13.0a0'\ncuda = None\n", "libtorch.so").resolve("lib");
        InstalledLibTorch found = InstalledLibTorch.read(lib, settings("PYTORCH_VERSION", "2.5.1",
                "PYTORCH_FLAVOR", "cu124"));
        assertEquals(Optional.of("1.13.0a0"), found.version());
        assertEquals("cpu", found.flavour(), "no libtorch_cuda.so: CPU-only, whatever PYTORCH_FLAVOR says");
        assertEquals(List.of("PYTORCH_VERSION says 2.5.1", "PYTORCH_FLAVOR says cu124"), found.disagreements());
        assertEquals("libtorch from PYTORCH_LIBRARY_PATH=" + lib + "; PYTORCH_VERSION says 2.5.1;"
                + " PYTORCH_FLAVOR says cu124", found.describe());
        assertEquals(List.of(), InstalledLibTorch.read(lib, settings("PYTORCH_FLAVOR", "cpu-precxx11"))
                .disagreements(), "DJL's own default for Linux is the same library");
    }

    @Test
    void onlyALibraryTakenFromPytorchLibraryPathIsInstalled(@TempDir Path root) throws IOException {
        Path lib = pipTorch(root, "__version__ = '1.13.0a0'\n", "libtorch.so").resolve("lib");
        Path other = root.resolve("other");
        assertEquals(Optional.empty(), InstalledLibTorch.find(lib, settings()), "not set: the jar's library");
        assertEquals(Optional.empty(), InstalledLibTorch.find(lib, settings("PYTORCH_LIBRARY_PATH", "")));
        assertEquals(Optional.empty(), InstalledLibTorch.find(lib, settings("PYTORCH_LIBRARY_PATH",
                other.toString())), "set, but DJL found no libtorch.so there and took the jar's");
        String several = other + File.pathSeparator + lib + "/";
        assertEquals(Optional.of(lib), InstalledLibTorch.find(lib, settings("PYTORCH_LIBRARY_PATH", several))
                .map(InstalledLibTorch::lib));
        assertEquals(Optional.of(lib), InstalledLibTorch.find(lib, settings("PYTORCH_LIBRARY_PATH",
                lib.resolve("libtorch.so").toString())).map(InstalledLibTorch::lib), "DJL takes the file's folder");
    }

    @Test
    void pipsLibcudartBesideTorchIsFoundForJna(@TempDir Path root) throws IOException {
        Path lib = pipTorch(root, "__version__ = '2.11.0+cu130'\ncuda: Optional[str] = '13.0'\n",
                "libtorch.so", "libtorch_cuda.so").resolve("lib");
        InstalledLibTorch found = InstalledLibTorch.read(lib, settings());
        assertEquals(Optional.empty(), found.pipCudart());
        Path cudart = root.resolve("site-packages/nvidia/cu13/lib");
        Files.createDirectories(cudart);
        Files.createFile(cudart.resolve("libcudart.so.13"));
        assertEquals(Optional.of(cudart), found.pipCudart());
    }

    /**
     * The whole route, when this machine has one: an installed PyTorch whose JNI
     * {@code src/gpu/build-jni.sh} built, named by {@code DJLFIT_INSTALLED_TORCH} (the folder holding
     * {@code lib/} and {@code include/}). The script prints the exports; {@code train} runs with them
     * in a JVM of its own, and its engine line must name what the script named.
     */
    @Tag("external")
    @Test
    void trainRunsOnAnInstalledLibTorchAndTheEngineLineNamesIt(@TempDir Path dir) throws Exception {
        String torch = System.getenv("DJLFIT_INSTALLED_TORCH");
        if (torch == null || torch.isBlank()) {
            String message = "installed-PyTorch route not run: set DJLFIT_INSTALLED_TORCH to a torch folder"
                    + " (lib/, include/) whose JNI src/gpu/build-jni.sh has built (docs/gpu.md)";
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
        Ran script = ran(List.of("bash", "src/gpu/build-jni.sh", "--torch", torch, "--env-only"), Map.of(), dir);
        assertEquals(0, script.code(), script.out() + script.err());
        Map<String, String> exports = new HashMap<>();
        script.out().lines().filter(l -> l.startsWith("export ")).forEach(l -> exports.put(
                l.substring(7, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertTrue(exports.keySet().containsAll(List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR")),
                script.out());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> train = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--steps", "50", "--out", dir.resolve("out").toString());
        Ran cpu = ran(train, exports, dir);
        assertEquals(0, cpu.code(), cpu.err());
        assertEquals("engine: PyTorch " + exports.get("PYTORCH_VERSION") + " (DJL 0.33.0, native flavour "
                + exports.get("PYTORCH_FLAVOR") + ", libtorch from PYTORCH_LIBRARY_PATH="
                + exports.get("PYTORCH_LIBRARY_PATH") + "), device: cpu()", cpu.out().lines().findFirst().orElse(""));
        assertTrue(cpu.out().lines().anyMatch(l -> l.startsWith("training: 50 steps")), cpu.out());

        if (exports.get("PYTORCH_FLAVOR").equals("cpu")) {
            List<String> onGpu = new ArrayList<>(train);
            onGpu.addAll(List.of("--device", "gpu"));
            Ran gpu = ran(onGpu, exports, dir);
            assertEquals(2, gpu.code(), gpu.out() + gpu.err());
            String line = gpu.err().strip();
            assertTrue(line.startsWith("error: --device gpu: no usable GPU (libtorch " + exports.get("PYTORCH_VERSION")
                    + " from PYTORCH_LIBRARY_PATH is CPU-only (no libtorch_cuda.so)"), line);
            assertFalse(line.contains("-Pcuda"), line);
        }
    }

    private record Ran(int code, String out, String err) {}

    private static Ran ran(List<String> command, Map<String, String> environment, Path dir) throws Exception {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 3 minutes");
        }
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
