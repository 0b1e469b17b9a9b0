package dev.djlfit.device;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What ran where: engine, versions and native flavour, for the header of every run. */
public final class EngineInfo {

    /**
     * DJL unpacks the native library into {@code <version>-<flavour>-<os>-<arch>} under its cache
     * ({@code ~/.djl.ai/pytorch}), e.g. {@code 2.5.1-20241113-cpu-linux-x86_64} from the
     * pytorch-native-cpu jar or {@code 2.5.1-20241113-cu124-linux-x86_64} from pytorch-native-cu124
     * (LibUtils, DJL 0.33.0). Flavours it downloads itself may end in {@code -precxx11}.
     */
    private static final Pattern FOLDER =
            Pattern.compile(".+?-((?:cpu|cu\\d+|mkl)(?:-precxx11)?)-(?:linux|osx|win)-[a-z0-9_]+");

    private EngineInfo() {}

    /**
     * {@code cpu}, {@code cu124}, ...: read from the folder of the native library DJL loaded, or,
     * for a libtorch taken from {@code PYTORCH_LIBRARY_PATH}, from that library.
     */
    public static String flavour() {
        Engine.getInstance();
        String folder = LibUtils.getLibtorchPath();
        return flavourOf(folder)
                .or(() -> installed().map(InstalledLibTorch::flavour))
                .orElse("unknown (" + folder + ")");
    }

    /** The libtorch DJL loaded, if it took it from {@code PYTORCH_LIBRARY_PATH}. */
    public static Optional<InstalledLibTorch> installed() {
        Engine.getInstance();
        return InstalledLibTorch.find(Path.of(LibUtils.getLibtorchPath()), Utils::getEnvOrSystemProperty);
    }

    /** The flavour in the name of a DJL native-library folder, if it is one. */
    public static Optional<String> flavourOf(String folder) {
        Path name = Path.of(folder).getFileName();
        Matcher m = FOLDER.matcher(name == null ? "" : name.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The flavours of the native libraries on the class path ({@code cpu}, {@code cu124}, ...), read
     * from the {@code native/lib/pytorch.properties} each pytorch-native jar carries: what DJL chose from.
     */
    public static List<String> bundledFlavours() {
        List<String> flavours = new ArrayList<>();
        try {
            Enumeration<URL> found = ClassLoaderUtils.getContextClassLoader().getResources("native/lib/pytorch.properties");
            while (found.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = found.nextElement().openStream()) {
                    properties.load(in);
                }
                String flavour = properties.getProperty("flavor");
                if (flavour != null && !properties.containsKey("placeholder")) {
                    flavours.add(flavour);
                }
            }
        } catch (IOException e) {
            flavours.add("unreadable (" + e.getMessage() + ")");
        }
        return flavours;
    }

    public static String header(DeviceChoice device) {
        return header(device.describe());
    }

    private static String header(String device) {
        Engine engine = Engine.getInstance();
        Optional<InstalledLibTorch> installed = installed();
        return "engine: " + engine.getEngineName() + " " + installed.flatMap(InstalledLibTorch::version)
                .orElse(engine.getVersion())
                + " (DJL " + Engine.getDjlVersion() + ", native flavour " + flavour()
                + installed.map(lib -> ", " + lib.describe()).orElse("") + "), device: " + device;
    }

    /**
     * A libtorch that DJL took from {@code PYTORCH_LIBRARY_PATH} (an installed PyTorch's
     * {@code torch/lib}, or an unpacked libtorch zip's {@code lib}) instead of a pytorch-native jar.
     * DJL 0.33.0 names such a library by {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR} (and
     * finds its JNI library by them); the library itself says what it is in the files beside it.
     *
     * @param lib the folder DJL loaded it from
     * @param version what the files say (pip's {@code torch/version.py}, a libtorch zip's
     *     {@code build-version}) without the local part ({@code +cu124}), else {@code PYTORCH_VERSION}
     * @param flavour {@code cpu}, {@code cu124}, ...: what the files say ({@code cpu} where there is
     *     no {@code libtorch_cuda.so}), else {@code PYTORCH_FLAVOR}, else {@code cuda}
     * @param cuda whether the folder holds {@code libtorch_cuda.so}, the CUDA half of a CUDA build
     * @param disagreements where {@code PYTORCH_VERSION} or {@code PYTORCH_FLAVOR} say otherwise
     *     than the files, e.g. {@code PYTORCH_VERSION says 2.5.1}
     */
    public record InstalledLibTorch(Path lib, Optional<String> version, String flavour, boolean cuda,
                             List<String> disagreements) {

        private static final Pattern ASSIGNED =
                Pattern.compile("^(__version__|cuda)\\s*(?::[^=]*)?=\\s*['\"]([^'\"]*)['\"]", Pattern.MULTILINE);

        /**
         * @param loaded the folder DJL loaded libtorch from
         * @param setting how DJL reads its settings: {@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION}
         *     and {@code PYTORCH_FLAVOR}, from the environment or the system properties
         * @return the library, if {@code loaded} is one of {@code PYTORCH_LIBRARY_PATH}'s folders
         *     (or holds one of its files), as DJL's {@code LibUtils.findOverrideLibrary} takes it
         */
        static Optional<InstalledLibTorch> find(Path loaded, UnaryOperator<String> setting) {
            String path = setting.apply("PYTORCH_LIBRARY_PATH");
            if (path == null || path.isEmpty()) {
                return Optional.empty();
            }
            Path folder = loaded.toAbsolutePath().normalize();
            boolean listed = Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                    .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                    .anyMatch(entry -> entry.equals(folder) || folder.equals(entry.getParent()));
            return listed ? Optional.of(read(folder, setting)) : Optional.empty();
        }

        /** What the files beside {@code lib} and DJL's settings say about the library in it. */
        static InstalledLibTorch read(Path lib, UnaryOperator<String> setting) {
            Map<String, String> recorded = recorded(lib);
            Optional<String> fullVersion = Optional.ofNullable(recorded.get("__version__"));
            Optional<String> cudaVersion = Optional.ofNullable(recorded.get("cuda"));
            boolean cuda = Files.exists(lib.resolve("libtorch_cuda.so"));
            Optional<String> ownVersion = fullVersion.map(v -> v.replaceFirst("\\+.*", ""));
            Optional<String> ownFlavour = cudaVersion.map(v -> "cu" + v.replace(".", ""))
                    .or(() -> fullVersion.filter(v -> v.matches(".*\\+(cpu|cu\\d+)"))
                            .map(v -> v.substring(v.indexOf('+') + 1)))
                    .or(() -> cuda ? Optional.empty() : Optional.of("cpu"));
            Optional<String> djlVersion = nonEmpty(setting.apply("PYTORCH_VERSION"));
            Optional<String> djlFlavour = nonEmpty(setting.apply("PYTORCH_FLAVOR"));
            List<String> disagreements = new ArrayList<>();
            if (ownVersion.isPresent() && djlVersion.isPresent() && !djlVersion.equals(ownVersion)) {
                disagreements.add("PYTORCH_VERSION says " + djlVersion.get());
            }
            if (ownFlavour.isPresent() && djlFlavour.isPresent()
                    && !djlFlavour.get().replaceFirst("-precxx11$", "").equals(ownFlavour.get())) {
                disagreements.add("PYTORCH_FLAVOR says " + djlFlavour.get());
            }
            String flavour = ownFlavour.or(() -> djlFlavour).orElse("cuda");
            return new InstalledLibTorch(lib, ownVersion.or(() -> djlVersion), flavour, cuda, List.copyOf(disagreements));
        }

        /**
         * What the library's build recorded beside {@code lib}: {@code __version__} and {@code cuda}
         * from pip's {@code torch/version.py}, or {@code __version__} from a libtorch zip's
         * {@code build-version}.
         */
        private static Map<String, String> recorded(Path lib) {
            Map<String, String> recorded = new HashMap<>();
            Path versionPy = lib.resolveSibling("version.py");
            Path buildVersion = lib.resolveSibling("build-version");
            if (Files.isRegularFile(versionPy)) {
                Matcher m = ASSIGNED.matcher(readQuietly(versionPy));
                while (m.find()) {
                    recorded.put(m.group(1), m.group(2));
                }
            } else if (Files.isRegularFile(buildVersion)) {
                readQuietly(buildVersion).lines().findFirst().map(String::strip).filter(v -> !v.isEmpty())
                        .ifPresent(v -> recorded.put("__version__", v));
            }
            return recorded;
        }

        /** For the engine line: {@code libtorch from PYTORCH_LIBRARY_PATH=/x/torch/lib}, and any disagreement. */
        String describe() {
            StringBuilder text = new StringBuilder("libtorch from PYTORCH_LIBRARY_PATH=").append(lib);
            disagreements.forEach(d -> text.append("; ").append(d));
            return text.toString();
        }

        /**
         * The folder of a {@code libcudart.so*} that pip installed beside torch
         * ({@code site-packages/nvidia/.../lib}), for JNA, which DJL counts GPUs with.
         */
        public Optional<Path> pipCudart() {
            Path nvidia = lib.getParent() == null || lib.getParent().getParent() == null ? null
                    : lib.getParent().getParent().resolve("nvidia");
            if (nvidia == null || !Files.isDirectory(nvidia)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.walk(nvidia, 4)) {
                return files.filter(f -> f.getFileName().toString().startsWith("libcudart.so"))
                        .map(Path::getParent).sorted().findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static Optional<String> nonEmpty(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        /** The text of the file, or nothing: an unreadable file says nothing about the library. */
        private static String readQuietly(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
