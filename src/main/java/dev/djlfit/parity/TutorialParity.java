package dev.djlfit.parity;

import dev.djlfit.parity.PyTorchReference.ReferenceRun;
import dev.djlfit.trace.Trace;
import dev.djlfit.tutorials.DataSettings;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.Tutorials;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A program (an article experiment or a tutorial port) against its reference program
 * ({@link Tutorial#referenceScript()}) from the same seed: the reference in its process, the
 * program in this one, at the same time unless the port is to train on the reference's inputs.
 */
public final class TutorialParity {

    /** The reference of the programs that train by epoch on FashionMNIST ("Learn the Basics"). */
    public static final String BASICS_SCRIPT = "basics.py";

    private final PyTorchReference reference;
    private final Path data;

    public TutorialParity(PyTorchReference reference) {
        this(reference, DataSettings.DEBIAN_FASHION_MNIST);
    }

    /** @param data the FashionMNIST folder both sides read, for the programs that train by epoch */
    public TutorialParity(PyTorchReference reference, Path data) {
        this.reference = reference;
        this.data = data;
    }

    /**
     * Both runs, each trace with the extrapolation of its fit.
     *
     * @param steps the steps ({@link Tutorial#steps(int)})
     * @param feedReferenceInputs train the port on the reference's x and y (the reference runs first)
     * @param javaLines where the port's printed lines go
     * @throws ReferenceUnavailableException if the reference failed or wrote no trace
     */
    public TutorialComparison run(Tutorial tutorial, long seed, int steps, boolean feedReferenceInputs,
            Consumer<String> javaLines) {
        if (feedReferenceInputs && !tutorial.isSinFit()) {
            throw new IllegalArgumentException(tutorial.name() + " has no sin inputs to feed");
        }
        try (ReferenceRun pytorch = reference.start(tutorial, seed, steps, data)) {
            Trace java;
            Trace reference;
            if (feedReferenceInputs) {
                reference = pytorch.trace();
                java = Tutorials.run(tutorial, seed, steps, Optional.of(reference.inputs()), javaLines);
            } else {
                java = Tutorials.run(tutorial, seed, steps, Optional.empty(),
                        new DataSettings(data, pytorch.folder(), Optional.empty()), javaLines);
                reference = pytorch.trace();
            }
            return TutorialComparison.of(java, Tutorials.withExtrapolation(tutorial, reference), feedReferenceInputs);
        }
    }
}
