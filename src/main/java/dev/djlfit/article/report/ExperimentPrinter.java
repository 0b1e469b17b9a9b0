package dev.djlfit.article.report;

import dev.djlfit.article.data.Scaling;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.PointError;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.Prediction;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.TorchFormat;
import dev.djlfit.article.LossPoint;
import dev.djlfit.article.TrainingSettings;

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
        if (!result.scaling().isIdentity()) {
            Scaling s = result.scaling();
            out.println(String.format(Locale.ROOT,
                    "normalized: the net sees (x - %s) / %s and learns (y - %s) / %s; its parameters below are in"
                            + " those units, every prediction is in the data's own",
                    number(s.xMean()), number(s.xScale()), number(s.yMean()), number(s.yScale())));
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
        if (result.extrapolation().isPresent()) {
            printExtrapolation(result.extrapolation().get());
        } else {
            out.println("extrapolation: no true function is known for this data, so there are no errors to report"
                    + " (give --truth FORMULA to measure them)");
        }
    }

    private void printParameters(Map<String, TensorValues> parameters) {
        for (TensorValues p : parameters.values()) {
            out.println(TorchFormat.parameter(p));
        }
    }

    /** {@code print("...", x, y)}. */
    public static String prediction(Prediction p) {
        String gradFn = p.gradFn().isEmpty() ? "" : "grad_fn=<" + p.gradFn() + ">";
        return TorchFormat.tensor(p.x()) + " " + TorchFormat.tensor(p.y(), gradFn);
    }

    private String trainingLine(ExperimentResult result) {
        TrainingSettings config = result.config();
        List<LossPoint> losses = result.training().losses();
        return String.format(Locale.ROOT,
                "training: %d steps of %s (lr=%s) on MSE loss, seed %d, on %s: loss %s -> %s in %.1f s (%.0f steps/s)",
                config.steps(),
                config.optimizer().title(),
                Float.toString(config.learningRate()),
                config.seed(),
                result.device(),
                number(result.scaling().unscaleLoss(losses.get(0).loss())),
                number(result.finalLoss()),
                result.training().loopNanos() / 1e9,
                result.training().stepsPerSecond());
    }

    private void printExtrapolation(ExtrapolationReport report) {
        out.println("extrapolation against the truth y = " + report.truthFormula() + ":");
        out.println(String.format(Locale.ROOT, "  %8s %12s %12s %12s %10s", "x", "true", "predicted", "abs error", "rel error"));
        for (PointError p : report.probes()) {
            out.println(String.format(Locale.ROOT, "  %8s %12.4f %12.4f %12.4f %9.2f%%",
                    compact(p.x()), p.truth(), p.prediction(), p.absoluteError(), 100 * p.relativeError()));
        }
        out.println(String.format(Locale.ROOT, "  RMSE over %s (interpolation): %.4f",
                report.interpolation().describe(), report.interpolationRmse()));
        out.println(String.format(Locale.ROOT, "  RMSE over %s (extrapolation): %.4f",
                report.extrapolation().describe(), report.extrapolationRmse()));
    }

    /** {@code 2.5}, {@code 10}: as a person writes an input. */
    public static String compact(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A short, honest number: 4 significant decimals, scientific where small. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v != 0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
