package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** {@link TorchPython} for the kit's tests in sub-packages. */
public final class TorchPythonAccess {

    private TorchPythonAccess() {}

    public static List<String> run(String program) {
        return TorchPython.run(program);
    }

    public static double[] numbers(String line) {
        return TorchPython.numbers(line);
    }

    public static String floatReprs(NDArray t) {
        return TorchPython.floatReprs(t);
    }
}
