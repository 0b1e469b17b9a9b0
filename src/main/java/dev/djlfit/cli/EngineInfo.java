package dev.djlfit.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

import ai.djl.util.ClassLoaderUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ran where: engine, versions and native flavour, for the header of every run. */
final class EngineInfo {

    /**
     * DJL unpacks the native library into {@code <version>-<flavour>-<os>-<arch>} under its cache
     * ({@code ~/.djl.ai/pytorch}), e.g. {@code 2.5.1-20241113-cpu-linux-x86_64} from the
     * pytorch-native-cpu jar or {@code 2.5.1-20241113-cu124-linux-x86_64} from pytorch-native-cu124
     * (LibUtils, DJL 0.33.0). Flavours it downloads itself may end in {@code -precxx11}.
     */
    private static final Pattern FOLDER =
            Pattern.compile(".+?-((?:cpu|cu\\d+|mkl)(?:-precxx11)?)-(?:linux|osx|win)-[a-z0-9_]+");

    private EngineInfo() {}

    /** {@code cpu}, {@code cu124}, ...: read from the folder of the native library DJL loaded. */
    static String flavour() {
        Engine.getInstance();
        String folder = LibUtils.getLibtorchPath();
        return flavourOf(folder).orElse("unknown (" + folder + ")");
    }

    /** The flavour in the name of a DJL native-library folder, if it is one. */
    static Optional<String> flavourOf(String folder) {
        Path name = Path.of(folder).getFileName();
        Matcher m = FOLDER.matcher(name == null ? "" : name.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The flavours of the native libraries on the class path ({@code cpu}, {@code cu124}, ...), read
     * from the {@code native/lib/pytorch.properties} each pytorch-native jar carries: what DJL chose from.
     */
    static List<String> bundledFlavours() {
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

    static String header(DeviceChoice device) {
        return header(device.describe());
    }

    private static String header(String device) {
        Engine engine = Engine.getInstance();
        return "engine: " + engine.getEngineName() + " " + engine.getVersion()
                + " (DJL " + Engine.getDjlVersion() + ", native flavour " + flavour() + "), device: " + device;
    }
}
