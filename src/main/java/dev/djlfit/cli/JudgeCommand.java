package dev.djlfit.cli;

import dev.djlfit.parity.ParityPrinter;
import dev.djlfit.parity.Comparison;
import dev.djlfit.parity.Tolerances;
import dev.djlfit.program.InvalidTraceException;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Two traces of any program, a port's and its PyTorch original's, judged by compare's rules. */
@Command(
        name = "judge",
        mixinStandardHelpOptions = true,
        description = {
            "Judges a Java port's trace against its PyTorch original's by the checks compare makes.",
            "",
            "The traces come from any program: the kit's dev.djlfit.torch.trace.TraceRecorder on the Java side,"
                    + " src/reference/pytorch/djlfit_trace.py on the PyTorch side (docs/porting-guide.md). Both must"
                    + " be runs of the same program, seed and step count. Checked: the initial and final parameters"
                    + " (largest |diff|), the last and every logged loss (relative), each test's accuracy and"
                    + " average loss, and the named values.",
            "",
            "Tolerances: measured with --spread, a second PyTorch trace whose initial weights or data"
                    + " djlfit_trace.nudge moved by an ulp (each tolerance is --spread-factor times how far that run"
                    + " moved from the plain one, at least an ulp), or given with the --tolerance options, which also"
                    + " override measured ones.",
            "",
            "Exit code 0 on MATCH, 1 on MISMATCH, 2 on bad input (a missing or malformed trace, traces of"
                    + " different runs, no tolerances)."
        })
public final class JudgeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JAVA", description = "The Java port's trace (JSON).")
    Path javaTrace;

    @Parameters(index = "1", paramLabel = "PYTORCH", description = "The PyTorch original's trace (JSON).")
    Path pytorchTrace;

    @Option(names = "--spread", paramLabel = "NUDGED",
            description = "The PyTorch original's trace once more, its initial weights or data nudged by an ulp"
                    + " (djlfit_trace.nudge): the tolerances are measured from it. Repeat it for several nudged"
                    + " runs (other nudge seeds): the widest spread counts.")
    List<Path> spreadTraces = new ArrayList<>();

    @Option(names = "--spread-factor", paramLabel = "X",
            description = "Tolerance = X times PyTorch's spread against itself (default: ${DEFAULT-VALUE}, as the"
                    + " project's tutorials and classifiers are judged).")
    double spreadFactor = 10;

    @Option(names = "--tolerance-initial", paramLabel = "X",
            description = "Largest |diff| of an initial parameter (default: 1e-6; the same seed and draws give"
                    + " bit-equal ones).")
    Double initial;

    @Option(names = "--tolerance-parameters", paramLabel = "X", description = "Largest |diff| of a final parameter.")
    Double parameters;

    @Option(names = "--tolerance-loss", paramLabel = "X",
            description = "Largest |diff| / |PyTorch| of the last logged loss (and, unless --tolerance-losses, of"
                    + " every logged loss).")
    Double loss;

    @Option(names = "--tolerance-losses", paramLabel = "X",
            description = "Largest |diff| / |PyTorch| of any logged loss.")
    Double losses;

    @Option(names = "--tolerance-accuracy", paramLabel = "X",
            description = "Largest |diff| of a test accuracy (a fraction).")
    Double accuracy;

    @Option(names = "--tolerance-avg-loss", paramLabel = "X",
            description = "Largest |diff| / |PyTorch| of a test's average loss.")
    Double avgLoss;

    @Option(names = "--tolerance-values", paramLabel = "X",
            description = "Largest |diff| of a named value's number (default: 0, equal).")
    Double values;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Double t : new Double[] {initial, parameters, loss, losses, accuracy, avgLoss, values}) {
            if (t != null && t < 0) {
                throw new UserInputException("a tolerance is at least 0, not " + t);
            }
        }
        OptionChecks.positiveNumber("--spread-factor", spreadFactor);
        Trace java = read(javaTrace);
        Trace pytorch = read(pytorchTrace);
        Comparison comparison = sameRun(java, pytorch, javaTrace, pytorchTrace);
        StringWriter spreadLine = new StringWriter();
        Tolerances tolerances = tolerances(pytorch, comparison, new PrintWriter(spreadLine));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("judge: %s (%s) against %s (%s)%n", javaTrace, java.engine(), pytorchTrace, pytorch.engine());
        out.print(spreadLine);
        new ParityPrinter(out).printTraces(comparison, tolerances);
        out.flush();
        return comparison.verdict(tolerances).passed() ? 0 : CompareCommand.MISMATCH;
    }

    private Tolerances tolerances(Trace pytorch, Comparison comparison, PrintWriter out) {
        Tolerances base;
        if (!spreadTraces.isEmpty()) {
            base = null;
            for (Path spreadTrace : spreadTraces) {
                Tolerances measured = Tolerances.fromSpread(spread(spreadTrace, pytorch, out),
                        spreadFactor);
                base = base == null ? measured : base.widest(measured);
            }
        } else {
            if (parameters == null || loss == null) {
                throw new UserInputException("no tolerances: give --spread NUDGED.json (a PyTorch run with"
                        + " djlfit_trace.nudge), or --tolerance-parameters and --tolerance-loss");
            }
            if (!comparison.java().tests().isEmpty() && (accuracy == null || avgLoss == null)) {
                throw new UserInputException("the traces hold test results: give --tolerance-accuracy and"
                        + " --tolerance-avg-loss too, or --spread NUDGED.json");
            }
            base = new Tolerances(Tolerances.INITIAL, parameters, loss, loss,
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, "given");
        }
        boolean given = initial != null || parameters != null || loss != null || losses != null || accuracy != null
                || avgLoss != null || values != null;
        return new Tolerances(
                or(initial, base.initialParameters()),
                or(parameters, base.finalParameters()),
                or(loss, base.lastLoss()),
                or(losses, loss != null ? loss : base.printedLosses()),
                or(accuracy, base.accuracy()),
                or(avgLoss, base.avgLoss()),
                or(values, base.values()),
                !spreadTraces.isEmpty() && given ? base.reason() + ", some given" : base.reason());
    }

    private Comparison spread(Path spreadTrace, Trace pytorch, PrintWriter out) {
        Trace nudged = read(spreadTrace);
        Comparison spread = sameRun(nudged, pytorch, spreadTrace, pytorchTrace);
        if (spread.initialMaxAbs() == 0) {
            throw new UserInputException(spreadTrace + " starts where " + pytorchTrace + " does: it is not a"
                    + " nudged run (call djlfit_trace.nudge(model) before recorder.initial)");
        }
        if (spread.finalMaxAbs() == 0 && spread.lastLossRelative() == 0) {
            throw new UserInputException(spreadTrace + " ends where " + pytorchTrace + " does: the run absorbed"
                    + " the nudge; nudge the data too (djlfit_trace.nudge(tensor)), or give the tolerances");
        }
        out.printf(Locale.ROOT, "spread: %s against %s: final parameters %.3e, last loss %.3e, logged losses"
                + " %.3e, accuracy %.3e, avg loss %.3e, values %.3e%n", spreadTrace, pytorchTrace,
                spread.finalMaxAbs(), spread.lastLossRelative(), spread.lossesMaxRelative(),
                spread.accuracyMaxAbs(), spread.avgLossMaxRelative(), spread.valuesMaxAbs());
        return spread;
    }

    private static double or(Double given, double otherwise) {
        return given != null ? given : otherwise;
    }

    private static Comparison sameRun(Trace a, Trace b, Path aPath, Path bPath) {
        try {
            return Comparison.of(a, b, false);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(aPath + " and " + bPath + " are not runs of the same program, seed and step"
                    + " count: " + a.program() + " seed " + a.seed() + ", " + a.steps() + " steps; " + b.program()
                    + " seed " + b.seed() + ", " + b.steps() + " steps");
        }
    }

    private static Trace read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a folder, not a trace");
        }
        try {
            return TraceJson.read(file);
        } catch (InvalidTraceException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
