package dev.djlfit.cli;

import dev.djlfit.device.EngineInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * {@code --device} through the real command line, in this JVM, on whatever this machine has: on a
 * machine without a GPU (CI's) {@code gpu} must fail with one line and exit 2, and {@code auto}
 * must run on the CPU and say why; on a machine where the engine sees a GPU the same commands
 * must run there.
 */
class DeviceCommandLineTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run train(String device) {
        return run("train", "--model", "linear", "--data", "linear", "--steps", "3", "--device", device);
    }

    private static int enginesGpus() {
        return Engine.getInstance().getGpuCount();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Test
    void gpuIsAOneLineErrorWithExitTwoWhenTheEngineSeesNone() {
        Run run = train("gpu");
        if (enginesGpus() == 0) {
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), "one line: " + run.err());
            String line = run.err().strip();
            assertTrue(line.startsWith("error: --device gpu: no usable GPU (native library "),
                    line);
            assertTrue(line.contains("libcudart"), "names the CUDA runtime it looked for: " + line);
            assertTrue(line.contains(EngineInfo.flavour()), "names the native flavour loaded: " + line);
            assertEquals("", run.out(), "nothing was trained or printed");
        } else {
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(firstLine(run.out()).endsWith("device: gpu(0)"), run.out());
        }
    }

    @Test
    void gpuNBeyondTheCountIsAnError() {
        int gpus = enginesGpus();
        Run run = train("gpu:" + Math.max(gpus, 1));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: --device gpu:"), run.err());
    }

    @Test
    void autoRunsOnTheFirstGpuOrOnTheCpuSayingWhy() {
        Run run = train("auto");
        assertEquals(0, run.exitCode(), run.err());
        String header = firstLine(run.out());
        assertTrue(header.startsWith("engine: PyTorch 2.5.1 (DJL 0.33.0, native flavour "), header);
        if (enginesGpus() == 0) {
            assertTrue(header.contains("device: cpu() (auto: no GPU: native library "), header);
            assertTrue(header.contains("libcudart"), header);
        } else {
            assertTrue(header.endsWith("device: gpu(0) (auto: the engine sees " + enginesGpus() + " GPU(s))"),
                    header);
        }
    }

    @Test
    void cpuHeaderNamesEngineFlavourAndDevice() {
        Run run = train("cpu");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("engine: PyTorch 2.5.1 (DJL 0.33.0, native flavour " + EngineInfo.flavour()
                + "), device: cpu()", firstLine(run.out()));
    }

    @Test
    void malformedDeviceIsAOneLineError() {
        Run run = run("walkthrough", "--steps", "1", "--device", "gpu:-1");
        assertEquals(2, run.exitCode());
        assertEquals("error: --device must be cpu, gpu, gpu:N or auto, got 'gpu:-1'", run.err().strip());
    }
}
