package dev.djlfit.parity;

import dev.djlfit.parity.Comparison.LossDiff;
import dev.djlfit.parity.Comparison.ParameterDiff;
import dev.djlfit.parity.Comparison.ValueDiff;
import dev.djlfit.extrapolation.PointError;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.Trace;
import dev.djlfit.article.ArticleExperiment;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a {@link Comparison}: a program and its reference side by side (inputs,
 * parameters, losses, tests, predictions, results), then each judged quantity against its
 * tolerance and the verdict.
 */
public final class ParityPrinter {

    private final PrintWriter out;

    public ParityPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * {@code compare}'s report of one program.
     *
     * @param settings what else to say in the heading, e.g. {@code , lr 0.01}; may be empty
     */
    public void print(Comparison c, Tolerances tolerances, String settings) {
        Trace j = c.java();
        boolean byEpoch = j.epochs() > 0;
        if (byEpoch) {
            out.printf(Locale.ROOT, "%n== %s, seed %d, %d epoch%s, %d batches%s%n", j.program(), j.seed(), j.epochs(),
                    j.epochs() == 1 ? "" : "s", j.steps(), settings);
        } else {
            out.printf(Locale.ROOT, "%n== %s, seed %d, %d steps%s%s%n", j.program(), j.seed(), j.steps(), settings,
                    c.referenceInputsFed() ? ", the port on the reference's inputs" : "");
        }
        out.println("Java:    " + j.engine());
        out.println("PyTorch: " + c.pytorch().engine());
        InputsDiff in = c.inputs();
        if (byEpoch) {
            out.println("data: FashionMNIST, the same files on both sides");
        } else if (in.points() < 0) {
            out.println("inputs: the two trained on different numbers of points");
        } else if (in.identical()) {
            out.printf(Locale.ROOT, "inputs: identical (%d points)%s%n", in.points(),
                    c.referenceInputsFed() ? ", the reference's fed to the port" : "");
        } else {
            out.printf(Locale.ROOT, "inputs: x differs at %d of %d points (at most %d ulp, |diff| %.1e),"
                    + " y at %d (at most %d ulp, |diff| %.1e)%n", in.xDiffering(), in.points(), in.xMaxUlps(),
                    in.xMaxAbs(), in.yDiffering(), in.yMaxUlps(), in.yMaxAbs());
        }
        parameters(c, true);
        losses(c);
        out.printf(Locale.ROOT, "last printed loss: Java %s, PyTorch %s, relative diff %.3e%n",
                PyFormat.repr(c.javaLastLoss()), PyFormat.repr(c.pytorchLastLoss()), c.lastLossRelative());
        tests(c);
        predictions(c);
        results(c);
        extrapolation(c);
        judged(c, tolerances);
        verdict(c, tolerances);
    }

    /**
     * Two traces of any program (judge): every check compare makes, and the named values, with
     * every tolerance, each as given or measured.
     */
    public void printTraces(Comparison c, Tolerances tolerances) {
        Trace j = c.java();
        out.printf(Locale.ROOT, "%n== %s, seed %d, %d steps%s%n", j.program(), j.seed(), j.steps(),
                j.epochs() > 0 ? ", " + j.epochs() + " epoch" + (j.epochs() == 1 ? "" : "s") : "");
        InputsDiff in = c.inputs();
        if (in.points() > 0) {
            out.printf(Locale.ROOT, "inputs: x differs at %d of %d points, y at %d%n", in.xDiffering(), in.points(),
                    in.yDiffering());
        }
        parameters(c, false);
        out.printf(Locale.ROOT, "last logged loss: Java %s, PyTorch %s, relative diff %.3e%n",
                PyFormat.repr(c.javaLastLoss()), PyFormat.repr(c.pytorchLastLoss()), c.lastLossRelative());
        out.printf(Locale.ROOT, "printed losses: %d, largest relative diff %.3e%n", j.losses().size(),
                c.lossesMaxRelative());
        tests(c);
        for (ValueDiff v : c.values()) {
            out.printf(Locale.ROOT, "value %s: %d number%s, largest |diff| %s%n", v.name(), v.java().numbers().length,
                    v.java().numbers().length == 1 ? "" : "s",
                    v.pytorch() == null ? "(PyTorch has none)" : String.format(Locale.ROOT, "%.3e", v.maxAbs()));
        }
        c.pytorch().values().keySet().stream().filter(name -> !j.values().containsKey(name))
                .forEach(name -> out.println("value " + name + ": (Java has none)"));
        if (!j.result().isEmpty() || !c.pytorch().result().isEmpty()) {
            results(c);
        }
        extrapolation(c);
        out.printf(Locale.ROOT, "tolerances: initial %.1e, final parameters %.1e, last loss %.1e, logged losses %.1e,"
                + " accuracy %.1e, avg loss %.1e, values %.1e (%s)%n", tolerances.initialParameters(),
                tolerances.finalParameters(), tolerances.lastLoss(), tolerances.printedLosses(), tolerances.accuracy(),
                tolerances.avgLoss(), tolerances.values(), tolerances.reason());
        verdict(c, tolerances);
    }

    private void parameters(Comparison c, boolean showBitEqual) {
        int width = Math.max(10, c.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %16s %16s%n", "parameter", "initial |diff|", "final |diff|");
        for (ParameterDiff p : c.parameters()) {
            String initial = showBitEqual && p.initialBitEqual() ? "0 (bit-equal)"
                    : String.format(Locale.ROOT, "%.3e", p.initialMaxAbs());
            out.printf(Locale.ROOT, "  %-" + width + "s %16s %16.3e%n", p.name(), initial, p.finalMaxAbs());
        }
    }

    private void losses(Comparison c) {
        LossDiff loss = c.losses();
        if (!c.lossStepsMatch()) {
            out.println("printed losses: the two printed at different steps");
        } else if (loss.points() > 0) {
            out.printf(Locale.ROOT, "printed losses: %d compared, largest |Java - PyTorch| / |PyTorch| %s at step %d"
                    + " (Java %s, PyTorch %s)%n", loss.points(),
                    Double.isInfinite(loss.maxRelative()) ? "undefined (PyTorch's loss is exactly 0 there)"
                            : sci(loss.maxRelative()), loss.worstStep(), PyFormat.repr(loss.javaLoss()),
                    PyFormat.repr(loss.pytorchLoss()));
        }
    }

    private void tests(Comparison c) {
        for (int i = 0; i < Math.min(c.java().tests().size(), c.pytorch().tests().size()); i++) {
            Trace.TestResult j = c.java().tests().get(i);
            Trace.TestResult p = c.pytorch().tests().get(i);
            out.printf(Locale.ROOT, "test after epoch %d: accuracy Java %.4f, PyTorch %.4f; avg loss Java %s,"
                    + " PyTorch %s%n", j.epoch(), j.accuracy(), p.accuracy(), PyFormat.repr(j.avgLoss()),
                    PyFormat.repr(p.avgLoss()));
        }
    }

    /** The article's predictions side by side: at the training inputs, then at its new inputs 2.5 and 10. */
    private void predictions(Comparison c) {
        var training = c.value(ArticleExperiment.FINAL_PREDICTION);
        var newInputs = c.value(ArticleExperiment.NEW_INPUTS);
        var fresh = c.value(ArticleExperiment.NEW_PREDICTION);
        if (training.isEmpty() || newInputs.isEmpty() || fresh.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %8s %14s %14s %11s%n", "x", "Java", "PyTorch", "|diff|");
        prediction(c.java().inputs().x(), training.get());
        double[] x = newInputs.get().java().numbers();
        float[] xs = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = (float) x[i];
        }
        prediction(xs, fresh.get());
    }

    private void prediction(float[] x, ValueDiff v) {
        double[] java = v.java().numbers();
        double[] pytorch = v.pytorch() == null || !v.java().sameShape(v.pytorch()) ? null : v.pytorch().numbers();
        for (int i = 0; i < java.length; i++) {
            String at = i < x.length ? trim(x[i]) : "?";
            if (pytorch == null) {
                out.printf(Locale.ROOT, "  %8s %14.6f %14s %11s%n", at, java[i], "-", "-");
            } else {
                out.printf(Locale.ROOT, "  %8s %14.6f %14.6f %11s%n", at, java[i], pytorch[i],
                        sci(Math.abs(java[i] - pytorch[i])));
            }
        }
    }

    /**
     * Both fits beyond the data, each from its own final parameters: the RMSE inside and outside,
     * then the probes. Shown, not judged: it follows from the parameters.
     */
    private void extrapolation(Comparison c) {
        if (c.java().extrapolation().isEmpty() || c.pytorch().extrapolation().isEmpty()) {
            return;
        }
        ExtrapolationSummary java = c.java().extrapolation().get();
        ExtrapolationSummary torch = c.pytorch().extrapolation().get();
        String ranges = java.inside().isEmpty() || java.outside().isEmpty() ? ""
                : "; inside " + java.inside() + ", outside " + java.outside();
        out.printf(Locale.ROOT, "extrapolation (RMSE against %s%s): Java %.4f inside, %.4f outside;"
                + " PyTorch %.4f inside, %.4f outside%n", java.truth().isEmpty() ? "the truth" : "y = " + java.truth(), ranges,
                java.insideRmse(), java.outsideRmse(), torch.insideRmse(), torch.outsideRmse());
        for (int i = 0; i < Math.min(java.probes().size(), torch.probes().size()); i++) {
            PointError j = java.probes().get(i);
            PointError p = torch.probes().get(i);
            if (j.x() == p.x()) {
                out.printf(Locale.ROOT, "  at x = %s: true %.4f, Java %.4f, PyTorch %.4f%n", probe(j.x()),
                        j.truth(), j.prediction(), p.prediction());
            }
        }
    }

    private void results(Comparison c) {
        out.println("Java:    " + c.java().result().strip().replace("\n", " "));
        out.println("PyTorch: " + c.pytorch().result().strip().replace("\n", " "));
    }

    /** Each judged quantity, measured and allowed, and why these tolerances. */
    private void judged(Comparison c, Tolerances t) {
        out.println("tolerances: " + t.reason());
        out.printf(Locale.ROOT, "  %-52s %13s %12s%n", "quantity", "measured", "allowed");
        row("initial parameters: largest |diff|", c.initialBitEqual() ? "0 (bit-equal)" : sci(c.initialMaxAbs()),
                t.initialParameters() == 0 ? "bit-equal" : sci(t.initialParameters()));
        row("final parameters: largest |diff|", sci(c.finalMaxAbs()), allowed(t.finalParameters()));
        row("last printed loss: |diff| / |PyTorch|", sci(c.lastLossRelative()), allowed(t.lastLoss()));
        row("printed losses: largest |diff| / |PyTorch|", sci(c.lossesMaxRelative()), allowed(t.printedLosses()));
        if (!c.java().tests().isEmpty() || !c.pytorch().tests().isEmpty()) {
            row("test accuracy: largest |diff|", sci(c.accuracyMaxAbs()), allowed(t.accuracy()));
            row("test average loss: largest |diff| / |PyTorch|", sci(c.avgLossMaxRelative()), allowed(t.avgLoss()));
        }
        for (ValueDiff v : c.values()) {
            if (t.scaledValues().containsKey(v.name())) {
                row(v.name() + ": largest |diff|/max(1,|PyTorch|)", sci(v.maxScaled()),
                        allowed(t.scaledValues().get(v.name())));
            }
        }
        if (c.values().stream().anyMatch(v -> !t.scaledValues().containsKey(v.name()))) {
            row("other named values: largest |diff|", sci(t.otherValuesMaxAbs(c)), allowed(t.values()));
        }
    }

    private void row(String quantity, String measured, String allowed) {
        out.printf(Locale.ROOT, "  %-52s %13s %12s%n", quantity, measured, allowed);
    }

    private void verdict(Comparison c, Tolerances tolerances) {
        Verdict verdict = c.verdict(tolerances);
        if (verdict.passed()) {
            out.println("MATCH");
        } else {
            out.println("MISMATCH");
            verdict.failures().forEach(f -> out.println("  " + f));
        }
    }

    private static String allowed(double v) {
        return v == Tolerances.NOT_CHECKED ? "not checked" : sci(v);
    }

    private static String sci(double v) {
        if (v == 0) {
            return "0";
        }
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2e", v);
    }

    /** {@code 10}, {@code -6.2831855}: a probe's float32 x as Java prints a float. */
    private static String probe(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Float.toString((float) x);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
