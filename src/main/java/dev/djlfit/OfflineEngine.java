package dev.djlfit;

/**
 * Keeps DJL off the network. Unless told otherwise, DJL's {@code Engine} sends a telemetry ping at
 * start-up (it asks the EC2 metadata address for an instance id) and downloads a native library
 * it does not find. This project ships its native library in a jar and must run behind firewalls:
 * both are switched off before the engine loads. A user's own {@code -D} setting wins.
 */
public final class OfflineEngine {

    private OfflineEngine() {}

    public static void ensure() {
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
