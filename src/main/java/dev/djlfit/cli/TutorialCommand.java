package dev.djlfit.cli;

import dev.djlfit.data.DataChecks;
import dev.djlfit.files.OutputFile;
import dev.djlfit.files.Outputs;
import dev.djlfit.trace.InvalidTraceException;
import dev.djlfit.trace.Trace;
import dev.djlfit.trace.TraceJson;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.TutorialPrinter;
import dev.djlfit.tutorials.Tutorials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One of PyTorch's "Learning PyTorch with Examples" programs, ported with the kit. */
@Command(
        name = "tutorial",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a ported program of PyTorch's \"Learning PyTorch with Examples\" and prints what the original"
                    + " prints, then (unless --no-report) how its fit of sin extrapolates beyond -pi..pi.",
            "Programs: polynomial-tensor, polynomial-autograd, polynomial-custom-function, polynomial-nn,"
                    + " polynomial-optim, polynomial-module, dynamic-net. See docs/trace-format.md for --json."
        })
public final class TutorialCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The program, e.g. polynomial-nn.")
    String name;

    @Option(names = "--seed", paramLabel = "S", description = "torch.manual_seed (and random.seed) first (default: 0).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: the program's, 2000 or 30000).")
    Integer steps;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the run's trace to FILE (- for the standard output; the printed lines then go"
                    + " to stderr). Written whole: FILE is complete or untouched, its missing folders made; a link is written through, a device"
                    + " or FIFO written directly.")
    Path json;

    @Option(names = "--inputs", paramLabel = "TRACE",
            description = "Train on the x and y of this trace (a reference program's, say) instead of the port's own.")
    Path inputs;

    @Option(names = "--no-report", description = "Print only what the original prints.")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Tutorial tutorial = tutorial(name);
        int n = tutorial.steps(steps == null ? 0 : OptionChecks.steps("--steps", steps));
        Optional<Trace.Inputs> given = Optional.ofNullable(inputs).map(TutorialCommand::inputsOf);
        // The trace's file is checked before the run, so that a bad path fails now, not after it.
        try (Outputs outputs = new Outputs(spec.commandLine().getOut(), spec.commandLine().getErr())) {
            if (inputs != null) {
                outputs.input("--inputs", inputs);
            }
            Optional<OutputFile> file = json == null ? Optional.empty() : Optional.of(outputs.file("--json", json));
            PrintWriter out = outputs.report();
            Trace trace = Tutorials.run(tutorial, seed, n, given, line -> {
                out.println(line);
                out.flush();
            });
            if (!noReport) {
                out.println();
                trace.extrapolation().ifPresent(new TutorialPrinter(out)::printExtrapolation);
            }
            if (file.isPresent()) {
                file.get().writeText(TraceJson.toJson(trace) + "\n");
                if (!noReport) {
                    out.println("trace written to " + file.get().path());
                }
            }
            out.flush();
            outputs.succeeded();
        }
        return 0;
    }

    /** The port of that name, or the one line that lists the names. */
    static Tutorial tutorial(String name) {
        return Tutorials.named(name).orElseThrow(() -> new UserInputException("unknown tutorial '" + name
                + "'; choose from " + String.join(", ", Tutorials.names())));
    }

    /** A trace's x and y, held to what any training data must be (as a CSV file is). */
    static Trace.Inputs inputsOf(Path trace) {
        String shown = "--inputs " + trace;
        Trace.Inputs inputs;
        try {
            inputs = TraceJson.read(trace, shown).inputs();
        } catch (InvalidTraceException e) {
            throw new UserInputException(e.getMessage());
        }
        DataChecks.requireFittable(inputs.x(), shown);
        return inputs;
    }
}
