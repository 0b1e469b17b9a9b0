package dev.djlfit.parity;

import dev.djlfit.parity.ParityComparison.ParameterDiff;
import dev.djlfit.trace.Trace;

import java.util.List;
import java.util.Optional;

/**
 * A port's trace beside its reference program's, number by number.
 *
 * @param referenceInputsFed whether the port trained on the reference's inputs (so the inputs are equal by construction)
 * @param parameters per parameter, the largest |Java − PyTorch| before and after training (infinite where a
 *     side lacks it or the shapes differ), in PyTorch's order
 * @param javaLastLoss the port's last printed loss (NaN if none)
 * @param pytorchLastLoss the reference's
 * @param lossStepsMatch whether both printed losses at the same steps
 * @param lossesMaxRelative the largest |Java − PyTorch| / |PyTorch| over every printed loss (infinite if the
 *     steps differ)
 * @param testsMatch whether both ran their test loop after the same epochs
 * @param accuracyMaxAbs the largest |Java − PyTorch| of a test accuracy (a fraction); 0 with no test loop
 * @param avgLossMaxRelative the largest |Java − PyTorch| / |PyTorch| of a test's average loss; 0 with no test loop
 * @param valuesMatch whether both recorded the same named values (names and shapes)
 * @param valuesMaxAbs the largest |Java − PyTorch| over every named value's numbers (infinite if they do not
 *     match); 0 with none
 */
public record TutorialComparison(
        Trace java,
        Trace pytorch,
        boolean referenceInputsFed,
        InputsDiff inputs,
        List<ParameterDiff> parameters,
        double javaLastLoss,
        double pytorchLastLoss,
        boolean lossStepsMatch,
        double lossesMaxRelative,
        boolean testsMatch,
        double accuracyMaxAbs,
        double avgLossMaxRelative,
        boolean valuesMatch,
        double valuesMaxAbs) {

    public TutorialComparison {
        parameters = List.copyOf(parameters);
    }

    /** @throws IllegalArgumentException if the two are not runs of the same program, seed and step count */
    public static TutorialComparison of(Trace java, Trace pytorch, boolean referenceInputsFed) {
        if (!java.program().equals(pytorch.program()) || java.seed() != pytorch.seed()
                || java.steps() != pytorch.steps()) {
            throw new IllegalArgumentException("not the same run: " + describe(java) + " vs " + describe(pytorch));
        }
        List<ParameterDiff> diffs = ParityComparison.parameters(java.initialParameters(), pytorch.initialParameters(),
                java.finalParameters(), pytorch.finalParameters());
        boolean sameSteps = java.losses().stream().map(Trace.PrintedLoss::step).toList()
                .equals(pytorch.losses().stream().map(Trace.PrintedLoss::step).toList());
        double losses = sameSteps ? 0 : Double.POSITIVE_INFINITY;
        for (int i = 0; sameSteps && i < java.losses().size(); i++) {
            losses = Math.max(losses, relative(java.losses().get(i).value(), pytorch.losses().get(i).value()));
        }
        boolean sameTests = java.tests().stream().map(Trace.TestResult::epoch).toList()
                .equals(pytorch.tests().stream().map(Trace.TestResult::epoch).toList());
        double accuracy = sameTests ? 0 : Double.POSITIVE_INFINITY;
        double avgLoss = accuracy;
        for (int i = 0; sameTests && i < java.tests().size(); i++) {
            Trace.TestResult j = java.tests().get(i);
            Trace.TestResult p = pytorch.tests().get(i);
            accuracy = Math.max(accuracy, Math.abs(j.accuracy() - p.accuracy()));
            avgLoss = Math.max(avgLoss, relative(j.avgLoss(), p.avgLoss()));
        }
        boolean sameValues = java.values().keySet().equals(pytorch.values().keySet());
        double values = 0;
        for (var e : java.values().entrySet()) {
            Trace.NamedValue other = pytorch.values().get(e.getKey());
            sameValues &= other != null && e.getValue().sameShape(other);
            values = other == null ? Double.POSITIVE_INFINITY : Math.max(values, e.getValue().maxAbsDiff(other));
        }
        if (!sameValues) {
            values = Double.POSITIVE_INFINITY;
        }
        return new TutorialComparison(java, pytorch, referenceInputsFed, InputsDiff.of(java.inputs(), pytorch.inputs()),
                diffs, last(java), last(pytorch), sameSteps, losses, sameTests, accuracy, avgLoss, sameValues, values);
    }

    /** |a − b| / |b|; 0 where they are equal. */
    private static double relative(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.abs(b);
    }

    private static String describe(Trace t) {
        return t.program() + " seed " + t.seed() + ", " + t.steps() + " steps";
    }

    private static double last(Trace t) {
        Optional<Trace.PrintedLoss> last = t.lastLoss();
        return last.isPresent() ? last.get().value() : Double.NaN;
    }

    public double initialMaxAbs() {
        return parameters.stream().mapToDouble(ParameterDiff::initialMaxAbs).max().orElse(0);
    }

    public double finalMaxAbs() {
        return parameters.stream().mapToDouble(ParameterDiff::finalMaxAbs).max().orElse(0);
    }

    /** |Java − PyTorch| / |PyTorch| of the last printed loss; infinite if either printed none. */
    public double lastLossRelative() {
        if (Double.isNaN(javaLastLoss) || Double.isNaN(pytorchLastLoss)) {
            return Double.POSITIVE_INFINITY;
        }
        return javaLastLoss == pytorchLastLoss ? 0 : Math.abs(javaLastLoss - pytorchLastLoss) / Math.abs(pytorchLastLoss);
    }

    public Verdict verdict(TutorialTolerances tolerances) {
        return tolerances.judge(this);
    }
}
