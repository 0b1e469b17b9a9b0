package dev.djlfit.cli;

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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the run's trace here (atomically).")
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
        if (steps != null && steps <= 0) {
            throw new UserInputException("--steps must be a positive whole number, got " + steps);
        }
        Optional<Trace.Inputs> given = Optional.ofNullable(inputs).map(TutorialCommand::inputsOf);
        if (json != null && Files.isDirectory(json)) {
            throw new UserInputException("--json " + json + " is a folder, not a file");
        }
        if (json != null && !Files.isDirectory(json.toAbsolutePath().getParent())) {
            throw new UserInputException("--json " + json + ": the folder " + json.toAbsolutePath().getParent()
                    + " does not exist");
        }
        PrintWriter out = spec.commandLine().getOut();
        Trace trace = Tutorials.run(tutorial, seed, steps == null ? 0 : steps, given, line -> {
            out.println(line);
            out.flush();
        });
        if (!noReport) {
            out.println();
            trace.extrapolation().ifPresent(new TutorialPrinter(out)::printExtrapolation);
        }
        if (json != null) {
            try {
                TraceJson.write(trace, json);
            } catch (IOException e) {
                throw new UserInputException("--json " + json + ": cannot write it (" + e.getMessage() + ")");
            }
            if (!noReport) {
                out.println("trace written to " + json);
            }
        }
        out.flush();
        return 0;
    }

    /** The port of that name, or the one line that lists the names. */
    static Tutorial tutorial(String name) {
        return Tutorials.named(name).orElseThrow(() -> new UserInputException("unknown tutorial '" + name
                + "'; choose from " + String.join(", ", Tutorials.names())));
    }

    static Trace.Inputs inputsOf(Path trace) {
        try {
            return TraceJson.read(trace).inputs();
        } catch (IOException e) {
            throw new UserInputException("--inputs " + trace + ": cannot read it (" + e.getMessage() + ")");
        } catch (InvalidTraceException e) {
            throw new UserInputException("--inputs " + e.getMessage());
        }
    }
}
