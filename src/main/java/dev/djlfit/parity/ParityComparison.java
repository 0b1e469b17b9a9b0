package dev.djlfit.parity;

import dev.djlfit.evaluation.Extrapolation;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.experiment.ResultJson;
import dev.djlfit.training.LossPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java port's run beside the PyTorch reference's, number by number.
 *
 * @param java what {@code train --json} wrote
 * @param pytorch what the reference script wrote
 * @param parameters each parameter's largest absolute difference, in PyTorch's order
 * @param loss the loss curves' largest relative difference
 * @param predictions the trained nets' outputs side by side: at the training inputs, then at the
 *     article's new inputs 2.5 and 10 (the JSON's order)
 */
public record ParityComparison(
        ResultJson java,
        ResultJson pytorch,
        List<ParameterDiff> parameters,
        LossDiff loss,
        List<PredictionDiff> predictions) {

    /**
     * @param initialMaxAbs largest |Java − PyTorch| over the initial values; infinite if the
     *     shapes differ or one side lacks the parameter
     * @param initialBitEqual whether every initial value has the same float32 bits on both sides
     * @param finalMaxAbs the same after training
     */
    public record ParameterDiff(String name, double initialMaxAbs, boolean initialBitEqual, double finalMaxAbs) {}

    /**
     * @param maxRelative largest |Java − PyTorch| / |PyTorch| over the steps both recorded;
     *     infinite if they recorded different steps
     * @param worstStep where it was, or -1
     * @param points how many losses were compared
     */
    public record LossDiff(double maxRelative, int worstStep, float javaLoss, float pytorchLoss, int points) {}

    /**
     * One input, both outputs.
     *
     * @param trainingInput whether x is one of the training inputs (else one of the article's new ones)
     */
    public record PredictionDiff(float x, boolean trainingInput, float java, float pytorch) {
        public double absolute() {
            return Math.abs((double) java - pytorch);
        }

        /** |Java − PyTorch| / max(1, |PyTorch|): absolute near 0, relative beyond. */
        public double scaled() {
            return absolute() / Math.max(1, Math.abs(pytorch));
        }
    }

    public ParityComparison {
        parameters = List.copyOf(parameters);
        predictions = List.copyOf(predictions);
    }

    /**
     * @throws IllegalArgumentException if the two are not runs of the same experiment, seed, step
     *     count and learning rate
     */
    public static ParityComparison of(ResultJson java, ResultJson pytorch) {
        if (!java.experiment().equals(pytorch.experiment()) || java.seed() != pytorch.seed()
                || java.steps() != pytorch.steps() || (float) java.lr() != (float) pytorch.lr()) {
            throw new IllegalArgumentException("not the same run: " + describe(java) + " vs " + describe(pytorch));
        }
        return new ParityComparison(java, pytorch, parameters(java, pytorch), loss(java.loss(), pytorch.loss()),
                predictions(java, pytorch));
    }

    private static String describe(ResultJson r) {
        return r.experiment() + " seed " + r.seed() + ", " + r.steps() + " steps, lr " + r.lr();
    }

    private static List<ParameterDiff> parameters(ResultJson java, ResultJson pytorch) {
        return parameters(java.initialParameters(), pytorch.initialParameters(), java.finalParameters(),
                pytorch.finalParameters());
    }

    /** Every parameter either side has, before or after training, in PyTorch's order, both sides' difference. */
    static List<ParameterDiff> parameters(Map<String, TensorValues> javaInitial, Map<String, TensorValues> pytorchInitial,
            Map<String, TensorValues> javaFinal, Map<String, TensorValues> pytorchFinal) {
        Set<String> names = new LinkedHashSet<>(pytorchInitial.keySet());
        names.addAll(javaInitial.keySet());
        names.addAll(pytorchFinal.keySet());
        names.addAll(javaFinal.keySet());
        List<ParameterDiff> diffs = new ArrayList<>();
        for (String name : names) {
            diffs.add(new ParameterDiff(
                    name,
                    maxAbs(javaInitial.get(name), pytorchInitial.get(name)),
                    bitEqual(javaInitial.get(name), pytorchInitial.get(name)),
                    maxAbs(javaFinal.get(name), pytorchFinal.get(name))));
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

    private static LossDiff loss(List<LossPoint> java, List<LossPoint> pytorch) {
        Map<Integer, Float> byStep = new LinkedHashMap<>();
        for (LossPoint p : java) {
            byStep.put(p.step(), p.loss());
        }
        if (java.size() != pytorch.size()) {
            return new LossDiff(Double.POSITIVE_INFINITY, -1, Float.NaN, Float.NaN, 0);
        }
        double worst = 0;
        LossPoint worstPoint = null;
        for (LossPoint p : pytorch) {
            Float mine = byStep.get(p.step());
            if (mine == null) {
                return new LossDiff(Double.POSITIVE_INFINITY, p.step(), Float.NaN, p.loss(), 0);
            }
            double rel = relative(mine, p.loss());
            if (worstPoint == null || rel > worst || Double.isNaN(rel)) {
                worst = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
                worstPoint = p;
            }
        }
        if (worstPoint == null) {
            return new LossDiff(0, -1, Float.NaN, Float.NaN, 0);
        }
        return new LossDiff(worst, worstPoint.step(), byStep.get(worstPoint.step()), worstPoint.loss(), pytorch.size());
    }

    private static double relative(float mine, float reference) {
        if (mine == reference) {
            return 0;
        }
        return Math.abs((double) mine - reference) / Math.abs((double) reference);
    }

    private static List<PredictionDiff> predictions(ResultJson java, ResultJson pytorch) {
        if (!java.predictionX().equals(pytorch.predictionX())
                || java.predictionY().size() != java.predictionX().size()
                || pytorch.predictionY().size() != pytorch.predictionX().size()) {
            throw new IllegalArgumentException("the two runs predicted at different inputs: "
                    + java.predictionX() + " vs " + pytorch.predictionX());
        }
        int training = java.predictionX().size() - Extrapolation.ARTICLE_PROBES.length;
        List<PredictionDiff> diffs = new ArrayList<>();
        for (int i = 0; i < java.predictionX().size(); i++) {
            diffs.add(new PredictionDiff(java.predictionX().get(i), i < training,
                    java.predictionY().get(i), pytorch.predictionY().get(i)));
        }
        return diffs;
    }

    /** Largest |Java − PyTorch| over every initial parameter value. */
    public double initialMaxAbs() {
        return parameters.stream().mapToDouble(ParameterDiff::initialMaxAbs).max().orElse(0);
    }

    public boolean initialBitEqual() {
        return parameters.stream().allMatch(ParameterDiff::initialBitEqual);
    }

    /** Largest |Java − PyTorch| over every trained parameter value. */
    public double finalMaxAbs() {
        return parameters.stream().mapToDouble(ParameterDiff::finalMaxAbs).max().orElse(0);
    }

    /** Largest |Java − PyTorch| over the predictions. */
    public double predictionMaxAbs() {
        return predictions.stream().mapToDouble(PredictionDiff::absolute).max().orElse(0);
    }

    /** Largest {@link PredictionDiff#scaled()} at the training inputs 0, 1, 2, 3. */
    public double trainingPredictionMaxScaled() {
        return predictions.stream().filter(PredictionDiff::trainingInput)
                .mapToDouble(PredictionDiff::scaled).max().orElse(0);
    }

    /** Largest {@link PredictionDiff#scaled()} at the new inputs 2.5 and 10. */
    public double newPredictionMaxScaled() {
        return predictions.stream().filter(p -> !p.trainingInput())
                .mapToDouble(PredictionDiff::scaled).max().orElse(0);
    }

    public Verdict verdict(Tolerances tolerances) {
        return tolerances.judge(this);
    }
}
