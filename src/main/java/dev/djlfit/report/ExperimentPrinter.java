package dev.djlfit.report;

import dev.djlfit.evaluation.ExtrapolationReport;
import dev.djlfit.evaluation.PointError;
import dev.djlfit.experiment.ExperimentResult;
import dev.djlfit.experiment.Prediction;
import dev.djlfit.model.TensorValues;
import dev.djlfit.training.LossPoint;
import dev.djlfit.training.TrainingConfig;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints one experiment's result as the article's script prints it, then its extrapolation report. */
public final class ExperimentPrinter {

    private final PrintWriter out;

    public ExperimentPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(ExperimentResult result) {
        out.println("data = " + result.spec().data().toArticleString());
        if (!result.spec().note().isEmpty()) {
            out.println("note: " + result.spec().note());
        }
        out.println("initial parameters");
        printParameters(result.initialParameters());
        out.println("initial prediction " + prediction(result.initialPrediction()));
        out.println(trainingLine(result));
        out.println("final parameters");
        printParameters(result.finalParameters());
        out.println("final prediction " + prediction(result.finalPrediction()));
        out.println("new prediction " + prediction(result.newPrediction()));
        result.equivalentLine().ifPresent(line -> out.println("equivalent line: " + line.describe()));
        result.extrapolation().ifPresent(this::printExtrapolation);
    }

    private void printParameters(Map<String, TensorValues> parameters) {
        for (TensorValues p : parameters.values()) {
            out.println(TorchFormat.parameter(p));
        }
    }

    /** {@code print("...", x, y)}. */
    static String prediction(Prediction p) {
        String gradFn = p.gradFn().isEmpty() ? "" : "grad_fn=<" + p.gradFn() + ">";
        return TorchFormat.tensor(p.x()) + " " + TorchFormat.tensor(p.y(), gradFn);
    }

    private String trainingLine(ExperimentResult result) {
        TrainingConfig config = result.config();
        List<LossPoint> losses = result.training().losses();
        return String.format(Locale.ROOT,
                "training: %d steps of SGD (lr=%s) on MSE loss, seed %d, on %s: loss %s -> %s in %.1f s (%.0f steps/s)",
                config.steps(),
                Float.toString(config.learningRate()),
                config.seed(),
                result.device(),
                number(losses.get(0).loss()),
                number(result.finalLoss()),
                result.training().loopNanos() / 1e9,
                result.training().stepsPerSecond());
    }

    private void printExtrapolation(ExtrapolationReport report) {
        out.println("extrapolation against the truth y = " + report.truthFormula() + ":");
        out.println(String.format(Locale.ROOT, "  %8s %12s %12s %12s %10s", "x", "true", "predicted", "abs error", "rel error"));
        for (PointError p : report.probes()) {
            out.println(String.format(Locale.ROOT, "  %8s %12.4f %12.4f %12.4f %9.2f%%",
                    number(p.x()), p.truth(), p.prediction(), p.absoluteError(), 100 * p.relativeError()));
        }
        out.println(String.format(Locale.ROOT, "  RMSE over %s (interpolation): %.4f",
                report.interpolation().describe(), report.interpolationRmse()));
        out.println(String.format(Locale.ROOT, "  RMSE over %s (extrapolation): %.4f",
                report.extrapolation().describe(), report.extrapolationRmse()));
    }

    /** A short, honest number: 4 significant decimals, scientific where small. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v != 0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
