package dev.djlfit.report;

import dev.djlfit.experiment.ResultJson;
import dev.djlfit.parity.ParityComparison;
import dev.djlfit.parity.ParityComparison.LossDiff;
import dev.djlfit.parity.ParityComparison.ParameterDiff;
import dev.djlfit.parity.ParityComparison.PredictionDiff;
import dev.djlfit.parity.Tolerances;
import dev.djlfit.parity.Verdict;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link ParityComparison}: Java and PyTorch side by side, then the verdict. */
public final class ParityPrinter {

    private final PrintWriter out;

    public ParityPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(ParityComparison c, Tolerances tolerances) {
        ResultJson j = c.java();
        out.printf(Locale.ROOT, "=== %s, seed %d, %d steps, lr %s ===%n",
                j.experiment(), j.seed(), j.steps(), trim(j.lr()));
        out.println("  Java:    " + j.engine());
        out.println("  PyTorch: " + c.pytorch().engine());
        out.printf(Locale.ROOT, "  %-10s %20s %20s%n", "parameter", "initial max |diff|", "final max |diff|");
        for (ParameterDiff p : c.parameters()) {
            String initial = p.initialBitEqual() ? "0 (bit-equal)" : sci(p.initialMaxAbs());
            out.printf(Locale.ROOT, "  %-10s %20s %20s%n", p.name(), initial, sci(p.finalMaxAbs()));
        }
        LossDiff loss = c.loss();
        out.printf(Locale.ROOT, "  loss curve, shown but not judged: %d recorded steps compared, largest |Java - PyTorch|"
                        + " / |PyTorch| %s at step %d (Java %s, PyTorch %s)%n",
                loss.points(), relative(loss), loss.worstStep(), sci(loss.javaLoss()),
                sci(loss.pytorchLoss()));
        out.println("    (near 0 a loss can differ by its own size while the nets agree; the verdict judges"
                + " the parameters and predictions)");
        out.printf(Locale.ROOT, "  %8s %14s %14s %11s%n", "x", "Java", "PyTorch", "|diff|");
        for (PredictionDiff p : c.predictions()) {
            out.printf(Locale.ROOT, "  %8s %14.6f %14.6f %11s%n", trim(p.x()), p.java(), p.pytorch(), sci(p.absolute()));
        }
        Verdict verdict = c.verdict(tolerances);
        out.printf(Locale.ROOT, "  verdict: %s: each quantity against its tolerance (measured from PyTorch against"
                + " itself, see docs/article-port.md, 'Tolerances chosen')%n", verdict.passed() ? "MATCH" : "MISMATCH");
        out.printf(Locale.ROOT, "    %-61s %13s %12s%n", "quantity", "measured", "allowed");
        judged(out, "initial parameters: largest |diff|",
                c.initialBitEqual() ? "0 (bit-equal)" : sci(c.initialMaxAbs()),
                tolerances.initialParameters() == 0 ? "bit-equal" : sci(tolerances.initialParameters()));
        judged(out, "final parameters: largest |diff|", sci(c.finalMaxAbs()), tolerance(tolerances.finalParameters()));
        judged(out, "predictions at the training inputs: largest |diff|/max(1,|y|)",
                sci(c.trainingPredictionMaxScaled()), tolerance(tolerances.trainingPredictions()));
        judged(out, "predictions at 2.5 and 10: largest |diff|/max(1,|y|)",
                sci(c.newPredictionMaxScaled()), tolerance(tolerances.newPredictions()));
        for (String failure : verdict.failures()) {
            out.println("    failed: " + failure);
        }
    }

    private void judged(PrintWriter out, String quantity, String measured, String allowed) {
        out.printf(Locale.ROOT, "    %-61s %13s %12s%n", quantity, measured, allowed);
    }

    /** The loss curves' largest relative difference, or why there is none. */
    private static String relative(LossDiff loss) {
        if (!Double.isInfinite(loss.maxRelative())) {
            return sci(loss.maxRelative());
        }
        return loss.points() == 0 ? "undefined (the two sides recorded different steps)"
                : "undefined (PyTorch's loss is exactly 0 there)";
    }

    private static String tolerance(double v) {
        return v == Tolerances.NOT_CHECKED ? "not checked" : sci(v);
    }

    private static String sci(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
