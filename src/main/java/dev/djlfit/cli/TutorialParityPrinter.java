package dev.djlfit.cli;

import dev.djlfit.parity.InputsDiff;
import dev.djlfit.parity.ParityComparison;
import dev.djlfit.parity.TutorialComparison;
import dev.djlfit.parity.TutorialTolerances;
import dev.djlfit.parity.Verdict;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.trace.SinExtrapolation;
import dev.djlfit.trace.Trace;

import java.io.PrintWriter;
import java.util.Locale;

/** A tutorial port's comparison with its reference: inputs, parameters, loss, extrapolation, verdict. */
final class TutorialParityPrinter {

    private final PrintWriter out;

    TutorialParityPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(TutorialComparison c, TutorialTolerances tolerances) {
        boolean byEpoch = c.java().inputs().size() == 0 && c.pytorch().inputs().size() == 0;
        if (byEpoch) {
            out.printf(Locale.ROOT, "%n== %s, seed %d, %d epoch%s, %d batches%n", c.java().program(), c.java().seed(),
                    c.java().epochs(), c.java().epochs() == 1 ? "" : "s", c.java().steps());
        } else {
            out.printf(Locale.ROOT, "%n== %s, seed %d, %d steps%s%n", c.java().program(), c.java().seed(),
                    c.java().steps(), c.referenceInputsFed() ? ", the port on the reference's inputs" : "");
        }
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
        parameters(c);
        out.printf(Locale.ROOT, "last printed loss: Java %s, PyTorch %s, relative diff %.3e%n",
                PyFormat.repr(c.javaLastLoss()), PyFormat.repr(c.pytorchLastLoss()), c.lastLossRelative());
        if (byEpoch) {
            lossesAndTests(c);
        }
        results(c);
        if (c.java().extrapolation().isPresent() && c.pytorch().extrapolation().isPresent()) {
            SinExtrapolation java = c.java().extrapolation().get();
            SinExtrapolation torch = c.pytorch().extrapolation().get();
            out.printf(Locale.ROOT, "extrapolation (RMSE against sin): Java %.4f inside, %.4f outside;"
                    + " PyTorch %.4f inside, %.4f outside%n", java.insideRmse(), java.outsideRmse(),
                    torch.insideRmse(), torch.outsideRmse());
        }
        if (byEpoch) {
            out.printf(Locale.ROOT, "tolerances: initial %.0e, final parameters %.0e, printed losses %.0e, accuracy"
                    + " %.0e, avg loss %.0e (%s)%n", tolerances.initialParameters(), tolerances.finalParameters(),
                    tolerances.printedLosses(), tolerances.accuracy(), tolerances.avgLoss(), tolerances.reason());
        } else {
            out.printf(Locale.ROOT, "tolerances: initial %.0e, final parameters %.0e, last loss %.0e (%s)%n",
                    tolerances.initialParameters(), tolerances.finalParameters(), tolerances.lastLoss(),
                    tolerances.reason());
        }
        verdict(c, tolerances);
    }

    /**
     * Two traces of any program (judge): every check compare makes, and the named values, with
     * every tolerance, each as given or measured.
     */
    void printTraces(TutorialComparison c, TutorialTolerances tolerances) {
        Trace j = c.java();
        out.printf(Locale.ROOT, "%n== %s, seed %d, %d steps%s%n", j.program(), j.seed(), j.steps(),
                j.epochs() > 0 ? ", " + j.epochs() + " epoch" + (j.epochs() == 1 ? "" : "s") : "");
        InputsDiff in = c.inputs();
        if (in.points() > 0) {
            out.printf(Locale.ROOT, "inputs: x differs at %d of %d points, y at %d%n", in.xDiffering(), in.points(),
                    in.yDiffering());
        }
        parameters(c);
        out.printf(Locale.ROOT, "last logged loss: Java %s, PyTorch %s, relative diff %.3e%n",
                PyFormat.repr(c.javaLastLoss()), PyFormat.repr(c.pytorchLastLoss()), c.lastLossRelative());
        lossesAndTests(c);
        for (var e : j.values().entrySet()) {
            Trace.NamedValue other = c.pytorch().values().get(e.getKey());
            out.printf(Locale.ROOT, "value %s: %d number%s, largest |diff| %s%n", e.getKey(), e.getValue().numbers().length,
                    e.getValue().numbers().length == 1 ? "" : "s",
                    other == null ? "(PyTorch has none)" : String.format(Locale.ROOT, "%.3e", e.getValue().maxAbsDiff(other)));
        }
        c.pytorch().values().keySet().stream().filter(name -> !j.values().containsKey(name))
                .forEach(name -> out.println("value " + name + ": (Java has none)"));
        if (!j.result().isEmpty() || !c.pytorch().result().isEmpty()) {
            results(c);
        }
        out.printf(Locale.ROOT, "tolerances: initial %.1e, final parameters %.1e, last loss %.1e, logged losses %.1e,"
                + " accuracy %.1e, avg loss %.1e, values %.1e (%s)%n", tolerances.initialParameters(),
                tolerances.finalParameters(), tolerances.lastLoss(), tolerances.printedLosses(), tolerances.accuracy(),
                tolerances.avgLoss(), tolerances.values(), tolerances.reason());
        verdict(c, tolerances);
    }

    private void parameters(TutorialComparison c) {
        int width = Math.max(10, c.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %16s %16s%n", "parameter", "initial |diff|", "final |diff|");
        for (ParityComparison.ParameterDiff p : c.parameters()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %16.3e %16.3e%n", p.name(), p.initialMaxAbs(), p.finalMaxAbs());
        }
    }

    private void lossesAndTests(TutorialComparison c) {
        out.printf(Locale.ROOT, "printed losses: %d, largest relative diff %.3e%n", c.java().losses().size(),
                c.lossesMaxRelative());
        for (int i = 0; i < Math.min(c.java().tests().size(), c.pytorch().tests().size()); i++) {
            Trace.TestResult j = c.java().tests().get(i);
            Trace.TestResult p = c.pytorch().tests().get(i);
            out.printf(Locale.ROOT, "test after epoch %d: accuracy Java %.4f, PyTorch %.4f; avg loss Java %s,"
                    + " PyTorch %s%n", j.epoch(), j.accuracy(), p.accuracy(), PyFormat.repr(j.avgLoss()),
                    PyFormat.repr(p.avgLoss()));
        }
    }

    private void results(TutorialComparison c) {
        out.println("Java:    " + c.java().result().strip().replace("\n", " "));
        out.println("PyTorch: " + c.pytorch().result().strip().replace("\n", " "));
    }

    private void verdict(TutorialComparison c, TutorialTolerances tolerances) {
        Verdict verdict = c.verdict(tolerances);
        if (verdict.passed()) {
            out.println("MATCH");
        } else {
            out.println("MISMATCH");
            verdict.failures().forEach(f -> out.println("  " + f));
        }
    }
}
