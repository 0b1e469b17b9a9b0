package dev.djlfit.cli;

import dev.djlfit.io.CannotReadException;
import dev.djlfit.io.CannotWriteException;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.torch.serialization.PthFileException;
import dev.djlfit.torch.vision.datasets.DatasetUnavailableException;
import dev.djlfit.article.DivergedException;
import dev.djlfit.terminal.TerminalSafe;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure the user can cause ends in one line on stderr and a non-zero exit code, never a
 * stack trace, with anything from the user's data in it {@link TerminalSafe terminal-safe}: 2 for bad input, 3 for training that diverged, 1 for anything unexpected.
 */
final class ErrorHandling {

    static final int BAD_INPUT = 2;
    static final int DIVERGED = 3;
    static final int FAILURE = 1;

    private ErrorHandling() {}

    static int onBadParameter(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("error: " + TerminalSafe.text(oneLine(e.getMessage())) + " (see: "
                + cli.getCommandSpec().qualifiedName() + " --help)");
        cli.getErr().flush();
        return BAD_INPUT;
    }

    static int onFailure(Exception e, CommandLine cli, ParseResult parsed) {
        int code;
        if (e instanceof UserInputException || e instanceof IllegalArgumentException
                || e instanceof CannotWriteException || e instanceof CannotReadException
                || e instanceof ReferenceUnavailableException
                || e instanceof DatasetUnavailableException || e instanceof PthFileException) {
            code = BAD_INPUT;
        } else if (e instanceof DivergedException) {
            code = DIVERGED;
        } else {
            code = FAILURE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("error: " + oneLine(TerminalSafe.text(message.strip())));
        if (code == FAILURE && System.getenv("DJLFIT_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return code;
    }

    private static String oneLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
