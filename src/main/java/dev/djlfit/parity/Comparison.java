package dev.djlfit.parity;

import dev.djlfit.torch.TensorValues;
import dev.djlfit.program.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A program's trace beside its reference program's, number by number: the article's experiments,
 * the tutorial ports, and any two traces {@code judge} is given.
 *
 * @param referenceInputsFed whether the port trained on the reference's inputs (so the inputs are equal by construction)
 * @param parameters per parameter, the largest |Java − PyTorch| before and after training (infinite where a
 *     side lacks it or the shapes differ), in PyTorch's order
 * @param javaLastLoss the port's last printed loss (NaN if none)
 * @param pytorchLastLoss the reference's
 * @param lossStepsMatch whether both printed losses at the same steps
 * @param losses the largest |Java − PyTorch| / |PyTorch| over every printed loss, and where
 * @param testsMatch whether both ran their test loop after the same epochs
 * @param accuracyMaxAbs the largest |Java − PyTorch| of a test accuracy (a fraction); 0 with no test loop
 * @param avgLossMaxRelative the largest |Java − PyTorch| / |PyTorch| of a test's average loss; 0 with no test loop
 * @param valuesMatch whether both recorded the same named values (names and shapes)
 * @param values per named value of the port, how far the reference's is, in the port's order
 */
public record Comparison(
        Trace java,
        Trace pytorch,
        boolean referenceInputsFed,
        InputsDiff inputs,
        List<ParameterDiff> parameters,
        double javaLastLoss,
        double pytorchLastLoss,
        boolean lossStepsMatch,
        LossDiff losses,
        boolean testsMatch,
        double accuracyMaxAbs,
        double avgLossMaxRelative,
        boolean valuesMatch,
        List<ValueDiff> values) {

    /**
     * @param initialMaxAbs largest |Java − PyTorch| over the initial values; infinite if the
     *     shapes differ or one side lacks the parameter
     * @param initialBitEqual whether every initial value has the same float32 bits on both sides
     * @param finalMaxAbs the same after training
     */
    public record ParameterDiff(String name, double initialMaxAbs, boolean initialBitEqual, double finalMaxAbs) {}

    /**
     * @param maxRelative largest |Java − PyTorch| / |PyTorch| over the printed losses; infinite if
     *     the steps differ (or PyTorch's loss is exactly 0 where Java's is not)
     * @param worstStep where it was, or -1
     * @param points how many losses were compared
     */
    public record LossDiff(double maxRelative, int worstStep, float javaLoss, float pytorchLoss, int points) {}

    /**
     * A named value on both sides.
     *
     * @param pytorch the reference's value; null if it recorded none under this name
     * @param maxAbs largest |Java − PyTorch| over its numbers; infinite if the shapes differ or PyTorch has none
     * @param maxScaled largest |Java − PyTorch| / max(1, |PyTorch|): absolute near 0, relative beyond
     */
    public record ValueDiff(String name, Trace.NamedValue java, Trace.NamedValue pytorch, double maxAbs,
            double maxScaled) {}

    public Comparison {
        parameters = List.copyOf(parameters);
        values = List.copyOf(values);
    }

    /** @throws IllegalArgumentException if the two are not runs of the same program, seed and step count */
    public static Comparison of(Trace java, Trace pytorch, boolean referenceInputsFed) {
        if (!java.program().equals(pytorch.program()) || java.seed() != pytorch.seed()
                || java.steps() != pytorch.steps()) {
            throw new IllegalArgumentException("not the same run: " + describe(java) + " vs " + describe(pytorch));
        }
        boolean sameSteps = java.losses().stream().map(Trace.PrintedLoss::step).toList()
                .equals(pytorch.losses().stream().map(Trace.PrintedLoss::step).toList());
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
        List<ValueDiff> values = new ArrayList<>();
        for (var e : java.values().entrySet()) {
            Trace.NamedValue other = pytorch.values().get(e.getKey());
            sameValues &= other != null && e.getValue().sameShape(other);
            values.add(new ValueDiff(e.getKey(), e.getValue(), other,
                    other == null ? Double.POSITIVE_INFINITY : e.getValue().maxAbsDiff(other),
                    other == null ? Double.POSITIVE_INFINITY : maxScaled(e.getValue(), other)));
        }
        return new Comparison(java, pytorch, referenceInputsFed, InputsDiff.of(java.inputs(), pytorch.inputs()),
                parameters(java, pytorch), last(java), last(pytorch), sameSteps, losses(java, pytorch, sameSteps),
                sameTests, accuracy, avgLoss, sameValues, values);
    }

    /** Every parameter either side has, before or after training, in PyTorch's order, both sides' difference. */
    private static List<ParameterDiff> parameters(Trace java, Trace pytorch) {
        Set<String> names = new LinkedHashSet<>(pytorch.initialParameters().keySet());
        names.addAll(java.initialParameters().keySet());
        names.addAll(pytorch.finalParameters().keySet());
        names.addAll(java.finalParameters().keySet());
        List<ParameterDiff> diffs = new ArrayList<>();
        for (String name : names) {
            TensorValues javaInitial = java.initialParameters().get(name);
            TensorValues pytorchInitial = pytorch.initialParameters().get(name);
            diffs.add(new ParameterDiff(name, maxAbs(javaInitial, pytorchInitial),
                    bitEqual(javaInitial, pytorchInitial),
                    maxAbs(java.finalParameters().get(name), pytorch.finalParameters().get(name))));
        }
        return diffs;
    }

    static double maxAbs(TensorValues a, TensorValues b) {
        if (a == null || b == null || !Arrays.equals(a.shape(), b.shape())) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = Math.abs((double) a.get(i) - b.get(i));
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    private static boolean bitEqual(TensorValues a, TensorValues b) {
        if (a == null || b == null || !Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Float.floatToRawIntBits(a.get(i)) != Float.floatToRawIntBits(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static LossDiff losses(Trace java, Trace pytorch, boolean sameSteps) {
        if (!sameSteps) {
            return new LossDiff(Double.POSITIVE_INFINITY, -1, Float.NaN, Float.NaN, 0);
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < java.losses().size(); i++) {
            double rel = relative(java.losses().get(i).value(), pytorch.losses().get(i).value());
            if (at < 0 || rel > worst || Double.isNaN(rel)) {
                worst = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
                at = i;
            }
        }
        if (at < 0) {
            return new LossDiff(0, -1, Float.NaN, Float.NaN, 0);
        }
        return new LossDiff(worst, java.losses().get(at).step(), java.losses().get(at).value(),
                pytorch.losses().get(at).value(), java.losses().size());
    }

    private static double maxScaled(Trace.NamedValue java, Trace.NamedValue pytorch) {
        if (!java.sameShape(pytorch)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] j = java.numbers();
        double[] p = pytorch.numbers();
        double max = 0;
        for (int i = 0; i < j.length; i++) {
            double d = j[i] == p[i] ? 0 : Math.abs(j[i] - p[i]) / Math.max(1, Math.abs(p[i]));
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        return max;
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

    public boolean initialBitEqual() {
        return parameters.stream().allMatch(ParameterDiff::initialBitEqual);
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

    /** The largest |Java − PyTorch| / |PyTorch| over every printed loss (infinite if the steps differ). */
    public double lossesMaxRelative() {
        return losses.maxRelative();
    }

    /** The largest |Java − PyTorch| over every named value's numbers (infinite if they do not match); 0 with none. */
    public double valuesMaxAbs() {
        return valuesMatch ? values.stream().mapToDouble(ValueDiff::maxAbs).max().orElse(0) : Double.POSITIVE_INFINITY;
    }

    /** The named value of this name on both sides, if the port recorded it. */
    public Optional<ValueDiff> value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Verdict verdict(Tolerances tolerances) {
        return tolerances.judge(this);
    }
}
