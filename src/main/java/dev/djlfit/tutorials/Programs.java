package dev.djlfit.tutorials;

import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.program.Trace;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ported programs, by name: the seven of PyTorch's "Learning PyTorch with Examples" (sin
 * fits, by steps) and the eight of "Learn the Basics": three that train (FashionMNIST, by epochs)
 * and five that show constructs (tensors, data, transforms, buildmodel, autograd).
 */
public final class Programs {

    private static final List<Program> ALL = List.of(
            new PolynomialTensor(),
            new PolynomialAutograd(),
            new PolynomialCustomFunction(),
            new PolynomialNn(),
            new PolynomialOptim(),
            new PolynomialModule(),
            new DynamicNet(),
            new Quickstart(),
            new Tensors(),
            new Data(),
            new Transforms(),
            new BuildModel(),
            new Autograd(),
            new Optimization(),
            new SaveLoadRun());

    private Programs() {}

    public static List<Program> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Program::name).toList();
    }

    public static Optional<Program> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Runs a port: {@code torch.manual_seed(seed)} (and {@code random.seed(seed)}) first, as the
     * reference programs do; prints its lines to {@code out}; returns its trace with the
     * extrapolation of its fit.
     *
     * @param steps the steps ({@link Program#steps(int)})
     * @param inputs x and y to train on instead of the program's, or empty
     */
    public static Trace run(Program program, long seed, int steps, Optional<Trace.Inputs> inputs,
            Consumer<String> out) {
        return run(program, seed, steps, inputs, DataSettings.defaults(), out);
    }

    /**
     * As {@link #run(Program, long, int, Optional, Consumer)}, for a program that reads a data set too.
     *
     * @param steps steps, or epochs for a program that trains by epoch
     * @param data where its data set is and where its files go
     */
    public static Trace run(Program program, long seed, int steps, Optional<Trace.Inputs> inputs, DataSettings data,
            Consumer<String> out) {
        Harness run = new Harness(program.name(), seed, steps, inputs, data, out);
        Torch.seeded(seed, () -> {
            try (GradMode pythonStartsWithGradOn = Torch.enableGrad()) { // DJL's engine starts with it off
                program.run(run);
            }
            return null;
        });
        return withExtrapolation(program, run.trace(Torch.engineDescription()));
    }

    /**
     * The trace with the extrapolation its final parameters make ({@link Program#extrapolation}), where
     * it holds none yet (a reference's trace never does); as it is for a program that has none.
     */
    public static Trace withExtrapolation(Program program, Trace trace) {
        if (trace.extrapolation().isPresent()) {
            return trace;
        }
        return program.extrapolation(trace.finalParameters()).map(trace::withExtrapolation).orElse(trace);
    }
}
