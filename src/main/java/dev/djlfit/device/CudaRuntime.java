package dev.djlfit.device;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.Locale;

/**
 * What CUDA's runtime library says about this machine, asked the way DJL asks it: DJL counts GPUs
 * by loading {@code libcudart} through JNA ({@code ai.djl.util.cuda.CudaUtils}) and reports 0 when
 * that fails, logging why at DEBUG or WARN level only. This asks again, so that a user who wanted
 * a GPU is told which step failed.
 *
 * @param loaded whether {@code libcudart} could be loaded
 * @param runtimeVersion CUDA runtime version (12040 for 12.4), 0 if unknown
 * @param driverVersion newest CUDA version the driver supports, 0 if there is no driver
 * @param deviceCount GPUs the runtime sees
 * @param error {@code cudaGetDeviceCount}'s error code, 0 for none
 * @param errorText what CUDA says about {@code error}, or why the library did not load
 */
public record CudaRuntime(
        boolean loaded, int runtimeVersion, int driverVersion, int deviceCount, int error, String errorText) {

    /** The few CUDA runtime calls needed; the same library name DJL loads. */
    public interface Cudart extends Library {
        int cudaGetDeviceCount(int[] count);

        int cudaRuntimeGetVersion(int[] version);

        int cudaDriverGetVersion(int[] version);

        String cudaGetErrorString(int error);
    }

    public static CudaRuntime probe() {
        Cudart cudart;
        try {
            cudart = Native.load("cudart", Cudart.class);
        } catch (UnsatisfiedLinkError e) {
            return notFound(e.getMessage());
        }
        int[] runtime = new int[1];
        int[] driver = new int[1];
        int[] count = new int[1];
        cudart.cudaRuntimeGetVersion(runtime);
        cudart.cudaDriverGetVersion(driver);
        int error = cudart.cudaGetDeviceCount(count);
        return new CudaRuntime(true, runtime[0], driver[0], error == 0 ? count[0] : 0, error,
                error == 0 ? "" : cudart.cudaGetErrorString(error));
    }

    public static CudaRuntime notFound(String why) {
        return new CudaRuntime(false, 0, 0, 0, 0, why == null ? "" : why);
    }

    /** One clause for an error line, e.g. {@code libcudart 13.0 found, no CUDA driver}. */
    public String describe() {
        if (!loaded) {
            return "libcudart (CUDA runtime) not found by JNA: install CUDA or set -Djna.library.path";
        }
        String runtime = "libcudart " + version(runtimeVersion);
        if (driverVersion == 0) {
            return runtime + " found, no CUDA driver";
        }
        String driver = runtime + ", CUDA driver " + version(driverVersion);
        if (error != 0) {
            return driver + ": " + errorText + " (" + error + ")";
        }
        return driver + ", " + deviceCount + " GPU(s)";
    }

    /** CUDA's encoding: 1000 × major + 10 × minor. */
    public static String version(int encoded) {
        if (encoded <= 0) {
            return "?";
        }
        return String.format(Locale.ROOT, "%d.%d", encoded / 1000, (encoded % 1000) / 10);
    }
}
