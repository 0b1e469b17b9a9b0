package dev.djlfit.cli;

import dev.djlfit.article.data.DataChecks;
import dev.djlfit.io.OutputFile;
import dev.djlfit.io.Outputs;
import dev.djlfit.program.InvalidTraceException;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.TutorialPrinter;
import dev.djlfit.tutorials.Programs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One of PyTorch's "Learning PyTorch with Examples" programs, ported with the kit. */
@Command(
        name = "tutorial",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a ported PyTorch tutorial program and prints what the original prints; for the programs of"
                    + " \"Learning PyTorch with Examples\" then (unless --no-report) how its fit of sin extrapolates"
                    + " beyond -pi..pi.",
            "Programs: polynomial-tensor, polynomial-autograd, polynomial-custom-function, polynomial-nn,"
                    + " polynomial-optim, polynomial-module, dynamic-net (--steps); and of \"Learn the Basics\","
                    + " on FashionMNIST: quickstart, optimization, saveloadrun (--epochs, --data). quickstart writes"
                    + " model.pth and saveloadrun model_weights.pth into the working folder, as the originals do."
                    + " And the five that train nothing: tensors, data (--data; writes fashion_mnist_grid.png and"
                    + " fashion_mnist_sample.png), transforms (--data), buildmodel, autograd."
                    + " See docs/trace-format.md for --json."
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

    @Option(names = "--epochs", paramLabel = "N",
            description = "Learn the Basics: epochs (default: the program's, 5 for quickstart, 10 for optimization).")
    Integer epochs;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Learn the Basics: the folder with FashionMNIST's four idx files, gzipped or not"
                    + " (default: /usr/share/datasets/fashion-mnist, Debian's dataset-fashion-mnist).")
    Path data = DataSettings.DEBIAN_FASHION_MNIST;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Learn the Basics: the folder for the files a program writes (model.pth, the data tutorial's"
                    + " PNGs; default: the working folder). Created if missing.")
    Path out;

    @Option(names = "--load", paramLabel = "FILE",
            description = "saveloadrun: test the state_dict in FILE (a .pth, PyTorch's or this port's) instead of"
                    + " training one, and print its test accuracy in the quickstart's format.")
    Path load;

    @Option(names = "--inputs", paramLabel = "TRACE",
            description = "Train on the x and y of this trace (a reference program's, say) instead of the port's own.")
    Path inputs;

    @Option(names = "--no-report", description = "Print only what the original prints.")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Program tutorial = tutorial(name);
        int n = tutorial.steps(length(tutorial, steps, epochs));
        DataSettings settings = new DataSettings(data, out == null ? Path.of("") : out, Optional.ofNullable(load));
        boolean basics = tutorial.byEpoch() || !tutorial.trains();
        if (out != null && !basics) {
            throw new UserInputException("--out is for the Learn the Basics programs, not " + name);
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is not a folder");
        }
        if (basics) {
            if (inputs != null) {
                throw new UserInputException("--inputs is for the sin fits, not " + name);
            }
            if (tutorial.readsFashionMnist()) {
                settings = settings.located();
            } else if (spec.commandLine().getParseResult().hasMatchedOption("--data")) {
                throw new UserInputException("--data is for the programs that read FashionMNIST, not " + name);
            }
            if (load != null && !tutorial.name().equals("saveloadrun")) {
                throw new UserInputException("--load is saveloadrun's: " + name + " trains its own model");
            }
            if (load != null && !Files.isRegularFile(load)) {
                throw new UserInputException("--load " + load + ": no such file");
            }
        } else {
            for (String option : List.of("--data", "--load")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UserInputException(option + " is for the Learn the Basics programs (quickstart,"
                            + " optimization, saveloadrun), not " + name);
                }
            }
        }
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UserInputException("--out " + out + ": cannot create the folder (" + e.getMessage() + ")");
            }
        }
        Optional<Trace.Inputs> given = Optional.ofNullable(inputs).map(TutorialCommand::inputsOf);
        // The trace's file is checked before the run, so that a bad path fails now, not after it.
        try (Outputs outputs = new Outputs(spec.commandLine().getOut(), spec.commandLine().getErr())) {
            if (inputs != null) {
                outputs.input("--inputs", inputs);
            }
            Optional<OutputFile> file = json == null ? Optional.empty() : Optional.of(outputs.file("--json", json));
            PrintWriter out = outputs.report();
            Trace trace = Programs.run(tutorial, seed, n, given, settings, line -> {
                out.println(line);
                out.flush();
            });
            if (!noReport && trace.extrapolation().isPresent()) {
                out.println();
                new TutorialPrinter(out).printExtrapolation(trace.extrapolation().get());
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

    /**
     * The program's length as asked: {@code --steps} for a sin fit, {@code --epochs} for a program
     * that trains by epoch; 0 for the program's own.
     */
    static int length(Program tutorial, Integer steps, Integer epochs) {
        if (!tutorial.trains() && (steps != null || epochs != null)) {
            throw new UserInputException(tutorial.name() + " trains nothing: it takes no --steps or --epochs");
        }
        if (tutorial.byEpoch() && steps != null) {
            throw new UserInputException(tutorial.name() + " trains by epoch: use --epochs N, not --steps");
        }
        if (!tutorial.byEpoch() && epochs != null) {
            throw new UserInputException(tutorial.name() + " trains by steps: use --steps N, not --epochs");
        }
        if (epochs != null) {
            return OptionChecks.steps("--epochs", epochs);
        }
        return steps == null ? 0 : OptionChecks.steps("--steps", steps);
    }

    /** The port of that name, or the one line that lists the names. */
    static Program tutorial(String name) {
        return Programs.named(name).orElseThrow(() -> new UserInputException("unknown tutorial '" + name
                + "'; choose from " + String.join(", ", Programs.names())));
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
