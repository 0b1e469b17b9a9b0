package dev.djlfit.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ran where: engine, versions and native flavour, for the header of every run. */
final class EngineInfo {

    /** DJL unpacks the native library into a folder named like {@code 2.5.1-20241113-cu124-linux-x86_64}. */
    private static final Pattern FLAVOUR = Pattern.compile("-(cpu|cu\\d+|rocm[\\d.]*|mps)(-|$)");

    private EngineInfo() {}

    /** {@code cpu}, {@code cu124}, ...: read from the folder of the native library DJL loaded. */
    static String flavour() {
        Engine.getInstance();
        Path folder = Path.of(LibUtils.getLibtorchPath()).getFileName();
        Matcher m = FLAVOUR.matcher(folder == null ? "" : folder.toString());
        return m.find() ? m.group(1) : "unknown (" + LibUtils.getLibtorchPath() + ")";
    }

    static String header(String device) {
        Engine engine = Engine.getInstance();
        return "engine: " + engine.getEngineName() + " " + engine.getVersion()
                + " (DJL " + Engine.getDjlVersion() + ", native flavour " + flavour() + "), device: " + device;
    }
}
