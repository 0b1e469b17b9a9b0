package dev.djlfit.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far the Java port may be from the PyTorch reference and still count as the same
 * computation. PROVISIONAL: to be set from measurements.
 *
 * @param initialParameters largest |Java − PyTorch| allowed over the initial parameters
 * @param finalParameters the same over the trained parameters
 * @param predictions largest |Java − PyTorch| / max(1, |PyTorch|) allowed over the predictions
 */
public record Tolerances(double initialParameters, double finalParameters, double predictions) {

    /** The tolerances for a run of this many steps. */
    public static Tolerances forSteps(int steps) {
        return steps <= 1000 ? new Tolerances(0, 1e-2, 1e-3) : new Tolerances(0, 1e-1, 1e-2);
    }

    Verdict judge(ParityComparison c) {
        List<String> failures = new ArrayList<>();
        check(failures, "initial parameters: largest |diff|", c.initialMaxAbs(), initialParameters);
        check(failures, "final parameters: largest |diff|", c.finalMaxAbs(), finalParameters);
        check(failures, "predictions: largest |diff| / max(1, |y|)", c.predictionMaxScaled(), predictions);
        return new Verdict(failures);
    }

    private static void check(List<String> failures, String what, double measured, double tolerance) {
        if (!(measured <= tolerance)) {
            failures.add(String.format(Locale.ROOT, "%s %.3e exceeds %.1e", what, measured, tolerance));
        }
    }
}
