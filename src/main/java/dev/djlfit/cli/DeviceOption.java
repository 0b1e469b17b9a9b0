package dev.djlfit.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import picocli.CommandLine.Option;

/** {@code --device cpu|gpu|gpu:N|auto}: where the tensors live. */
public final class DeviceOption {

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "cpu, gpu, gpu:N or auto (the first GPU if the engine sees one, else cpu)"
                    + " (default: ${DEFAULT-VALUE}).")
    String device = "cpu";

    public Device resolve() {
        String choice = device.trim().toLowerCase(java.util.Locale.ROOT);
        if (choice.equals("cpu")) {
            return Device.cpu();
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (choice.equals("auto")) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        int index;
        if (choice.equals("gpu")) {
            index = 0;
        } else if (choice.matches("gpu:\\d+")) {
            index = Integer.parseInt(choice.substring(4));
        } else {
            throw new UserInputException("--device must be cpu, gpu, gpu:N or auto, got '" + device + "'");
        }
        if (index >= gpus) {
            throw new UserInputException("--device " + device + ": the PyTorch engine sees " + gpus
                    + " GPU(s) (it looks for a CUDA driver through libcudart and needs a CUDA build of"
                    + " the native library; this one is " + EngineInfo.flavour() + ")");
        }
        return Device.gpu(index);
    }
}
