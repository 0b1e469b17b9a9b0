package dev.djlfit.parity;

import dev.djlfit.parity.PyTorchReference.ReferenceProcess;
import dev.djlfit.program.Trace;
import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.Programs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A program (an article experiment or a tutorial port) against its reference program
 * ({@link Program#referenceScript()}) from the same seed: the reference in its process, the
 * program in this one, at the same time unless the port is to train on the reference's inputs.
 */
public final class SideBySide {

    private final PyTorchReference reference;
    private final Path data;

    public SideBySide(PyTorchReference reference) {
        this(reference, DataSettings.DEBIAN_FASHION_MNIST);
    }

    /** @param data the FashionMNIST folder both sides read, for the programs that train by epoch */
    public SideBySide(PyTorchReference reference, Path data) {
        this.reference = reference;
        this.data = data;
    }

    /**
     * Both runs, each trace with the extrapolation of its fit.
     *
     * @param steps the steps ({@link Program#steps(int)})
     * @param feedReferenceInputs train the port on the reference's x and y (the reference runs first)
     * @param javaLines where the port's printed lines go
     * @throws ReferenceUnavailableException if the reference failed or wrote no trace
     */
    public Comparison run(Program program, long seed, int steps, boolean feedReferenceInputs,
            Consumer<String> javaLines) {
        if (feedReferenceInputs && !program.isSinFit()) {
            throw new IllegalArgumentException(program.name() + " has no sin inputs to feed");
        }
        try (ReferenceProcess pytorch = reference.start(program, seed, steps, data)) {
            Trace java;
            Trace reference;
            if (feedReferenceInputs) {
                reference = pytorch.trace();
                java = Programs.run(program, seed, steps, Optional.of(reference.inputs()), javaLines);
            } else {
                java = Programs.run(program, seed, steps, Optional.empty(),
                        new DataSettings(data, pytorch.folder(), Optional.empty()), javaLines);
                reference = pytorch.trace();
            }
            return Comparison.of(java, Programs.withExtrapolation(program, reference), feedReferenceInputs);
        }
    }
}
