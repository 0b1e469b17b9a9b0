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
        out.printf(Locale.ROOT, "  loss: %d recorded steps compared, largest relative diff %s at step %d"
                        + " (Java %s, PyTorch %s)%n",
                loss.points(), sci(loss.maxRelative()), loss.worstStep(), sci(loss.javaLoss()), sci(loss.pytorchLoss()));
        out.printf(Locale.ROOT, "  %8s %14s %14s %11s%n", "x", "Java", "PyTorch", "|diff|");
        for (PredictionDiff p : c.predictions()) {
            out.printf(Locale.ROOT, "  %8s %14.6f %14.6f %11s%n", trim(p.x()), p.java(), p.pytorch(), sci(p.absolute()));
        }
        Verdict verdict = c.verdict(tolerances);
        out.printf(Locale.ROOT, "  verdict: %s (tolerances: initial parameters %s, final parameters %s,"
                        + " predictions |diff|/max(1,|y|) %s at the training inputs, %s at 2.5 and 10)%n",
                verdict.passed() ? "MATCH" : "MISMATCH",
                tolerances.initialParameters() == 0 ? "bit-equal" : sci(tolerances.initialParameters()),
                tolerance(tolerances.finalParameters()),
                tolerance(tolerances.trainingPredictions()),
                tolerance(tolerances.newPredictions()));
        for (String failure : verdict.failures()) {
            out.println("    " + failure);
        }
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
