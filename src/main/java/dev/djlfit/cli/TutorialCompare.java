package dev.djlfit.cli;

import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.TutorialComparison;
import dev.djlfit.parity.TutorialParity;
import dev.djlfit.parity.TutorialTolerances;
import dev.djlfit.tutorials.DataSettings;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.Tutorials;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code compare NAME...} for tutorial ports: each against its reference program, then a count. */
final class TutorialCompare {

    private final Path python;
    private final Duration timeout;
    private final PrintWriter out;

    TutorialCompare(Path python, Duration timeout, PrintWriter out) {
        this.python = python;
        this.timeout = timeout;
        this.out = out;
    }

    /** Whether the names are tutorials (all of them); a mix with the article's experiments is an error. */
    static boolean areTutorials(List<String> names) {
        long tutorials = names.stream().filter(n -> Tutorials.named(n).isPresent()).count();
        if (tutorials > 0 && tutorials < names.size()) {
            throw new UserInputException("compare takes either the article's experiments or tutorials ("
                    + String.join(", ", Tutorials.names()) + "), not both at once");
        }
        return tutorials > 0;
    }

    /**
     * @param steps the steps of the sin fits, or 0 for each program's own
     * @param epochs the epochs of the programs that train by epoch, or 0 for each program's own
     * @param data the FashionMNIST folder of the programs that train by epoch
     * @return 0 if every port matches, {@link CompareCommand#MISMATCH} if one does not
     */
    int run(List<String> names, long seed, int steps, int epochs, Path data, boolean referenceInputs) {
        for (String name : names) {
            Tutorial tutorial = TutorialCommand.tutorial(name);
            if (!tutorial.trains()) {
                throw new UserInputException("compare judges training runs; " + name + " trains nothing (its printed"
                        + " lines are checked against src/reference/pytorch/basics_shown.py by BasicsShownParityTest)");
            }
            if (tutorial.byEpoch()) {
                if (referenceInputs) {
                    throw new UserInputException("--reference-inputs is for the sin fits; " + name
                            + " reads FashionMNIST, the same files on both sides");
                }
                data = new DataSettings(data, Path.of(""), Optional.empty()).located().data();
            }
        }
        // a missing or failing PyTorch is a ReferenceUnavailableException: one line, exit 2 (ErrorHandling)
        PyTorchReference reference = PyTorchReference.locate(python).withTimeout(timeout);
        String torch = reference.torchVersion();
        String scripts = names.stream().map(n -> TutorialParity.script(TutorialCommand.tutorial(n))).distinct()
                .map(script -> reference.script().resolveSibling(script).toString())
                .collect(java.util.stream.Collectors.joining(", "));
        out.println("Java ports vs PyTorch " + torch + " (" + reference.python() + " " + scripts + ")");
        out.flush();
        TutorialParity parity = new TutorialParity(reference, data);
        TutorialParityPrinter printer = new TutorialParityPrinter(out);
        int mismatches = 0;
        for (String name : names) {
            Tutorial tutorial = TutorialCommand.tutorial(name);
            int length = tutorial.steps(tutorial.byEpoch() ? epochs : steps);
            TutorialComparison comparison = parity.run(tutorial, seed, length, referenceInputs, line -> { });
            TutorialTolerances tolerances = TutorialTolerances.forProgram(name);
            printer.print(comparison, tolerances);
            out.flush();
            if (!comparison.verdict(tolerances).passed()) {
                mismatches++;
            }
        }
        out.printf("%d of %d tutorial ports match PyTorch%n", names.size() - mismatches, names.size());
        out.flush();
        return mismatches == 0 ? 0 : CompareCommand.MISMATCH;
    }
}
