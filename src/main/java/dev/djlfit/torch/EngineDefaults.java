package dev.djlfit.torch;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.engine.PtEngineProvider;
import ai.djl.pytorch.jni.JniUtils;

import java.lang.reflect.Field;

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
 * DJL's {@code PtEngine} passes {@code ai.djl.pytorch.num_threads} and
 * {@code num_interop_threads} to libtorch only when it loads. A program that made an
 * {@code NDManager} before its first kit call has loaded it without them; the first
 * {@link #ensure()} then gives libtorch the thread counts it has set itself, so the count does not
 * depend on which comes first.
 */
public final class EngineDefaults {

    static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private static boolean ensured;

    private EngineDefaults() {}

    public static synchronized void ensure() {
        if (ensured) {
            return;
        }
        ensured = true;
        boolean engineLoaded = engineLoaded();
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
        boolean threads = setDefault(NUM_THREADS, "1");
        boolean interopThreads = setDefault(NUM_INTEROP_THREADS, "1");
        if (engineLoaded) {
            applyThreadCounts(threads, interopThreads);
        }
    }

    /** Sets the property unless the user did; true where it set it. */
    private static boolean setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
            return true;
        }
        return false;
    }

    /** What {@code PtEngine} does with the properties when it loads, for those named. */
    private static void applyThreadCounts(boolean threads, boolean interopThreads) {
        Engine.getEngine("PyTorch");
        if (threads) {
            JniUtils.setNumThreads(Integer.getInteger(NUM_THREADS));
        }
        if (interopThreads && JniUtils.getNumInteropThreads() != Integer.getInteger(NUM_INTEROP_THREADS)) {
            try {
                JniUtils.setNumInteropThreads(Integer.getInteger(NUM_INTEROP_THREADS));
            } catch (EngineException e) {
                // libtorch fixes the inter-op pool at its first inter-op work; it keeps its size
            }
        }
    }

    /** Whether DJL's PyTorch engine has loaded, without loading it (its provider holds it once made). */
    private static boolean engineLoaded() {
        try {
            Field engine = PtEngineProvider.class.getDeclaredField("engine");
            engine.setAccessible(true);
            return engine.get(null) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // cannot tell: applying repeats what the engine did if it loaded with them
        }
    }
}
