package dev.djlfit.torch;

/**
 * Settings the engine reads once, when it loads; applied before that, each unless the user set it
 * with {@code -D}:
 * <ul>
 *   <li>offline: DJL's {@code Engine} otherwise sends a telemetry ping at start-up (it asks the EC2
 *       metadata address for an instance id) and downloads a native library it does not find. This
 *       project ships its native library in a jar and must run behind firewalls.
 *   <li>one libtorch thread per Java thread: these nets' tensors are far too small for intra-op
 *       parallelism to pay, and experiments already run on their own threads; more threads only
 *       compete for the cores (Debian's PyTorch runs the article's code on one thread too).
 * </ul>
 */
public final class EngineDefaults {

    private EngineDefaults() {}

    public static void ensure() {
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
        setDefault("ai.djl.pytorch.num_threads", "1");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
