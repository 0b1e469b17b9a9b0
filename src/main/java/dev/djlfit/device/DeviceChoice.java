package dev.djlfit.device;

import ai.djl.Device;

/**
 * Where a run's tensors live, and how {@code --device} got there.
 *
 * @param device the device every array of the run is created on
 * @param note empty, or why {@code auto} chose this device
 */
public record DeviceChoice(Device device, String note) {

    /** {@code gpu(0)}, or {@code cpu() (auto: no GPU: ...)}. */
    public String describe() {
        return note.isEmpty() ? device.toString() : device + " (" + note + ")";
    }
}
