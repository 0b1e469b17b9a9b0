package dev.djlfit.cli;

import dev.djlfit.terminal.StandardOutput;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.ModelKind;
import dev.djlfit.torch.EngineDefaults;
import dev.djlfit.article.OptimizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code djl-fit}: the article's experiments and the tools around them. */
@Command(
        name = "djl-fit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Neural-network function fitting on Deep Java Library (PyTorch engine): a faithful Java port"
                    + " of \"Machine Learning and Regression Models with PyTorch, part II\".",
            "",
            "With no command, runs the walkthrough."
        },
        subcommands = {
            WalkthroughCommand.class,
            TrainCommand.class,
            BenchCommand.class,
            CompareCommand.class,
            JudgeCommand.class,
            PredictCommand.class,
            SweepCommand.class,
            TutorialCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    static {
        EngineDefaults.ensure();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine walkthrough = spec.commandLine().getSubcommands().get("walkthrough");
        return walkthrough.execute();
    }

    public static void main(String[] args) {
        StandardOutput stdout = new StandardOutput();
        PrintWriter out = StandardOutput.writer(stdout);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        // a reader that stopped reading (| head) wanted no more: not an error, as for any Unix tool
        if (out.checkError() && code == 0 && !"Broken pipe".equals(stdout.failure())) {
            // everything the run printed is its result (predict's lines, --json -): an incomplete copy is a failure
            err.println("error: the standard output is incomplete: " + (stdout.failure() == null ? "a write failed"
                    : stdout.failure()));
            err.flush();
            code = ErrorHandling.BAD_INPUT;
        }
        System.exit(code);
    }

    /** Runs the command line in this JVM and returns its exit code (what tests call). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // the sizes are estimated before a run allocates (Footprint); this is the last line of defence
            err.println("error: out of memory (" + e.getMessage() + "); make the run smaller, or give Java more with -Xmx");
            err.flush();
            return ErrorHandling.FAILURE;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExpandAtFiles(false); // "--data @pts.csv" is a file name, not arguments read from pts.csv
        OptionChecks.registerConverters(cli);
        LowerCaseEnums.register(cli, ModelKind.class, Nonlinearity.class, OptimizerKind.class);
        cli.setParameterExceptionHandler(ErrorHandling::onBadParameter);
        cli.setExecutionExceptionHandler(ErrorHandling::onFailure);
        // every command's --version says what the top level's does
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
        }
        return cli;
    }
}
