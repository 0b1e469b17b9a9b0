package dev.djlfit.tutorials;

import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.trace.Trace;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ported programs, by name: the seven of PyTorch's "Learning PyTorch with Examples" (sin
 * fits, by steps) and the eight of "Learn the Basics": three that train (FashionMNIST, by epochs)
 * and five that show constructs (tensors, data, transforms, buildmodel, autograd).
 */
public final class Tutorials {

    private static final List<Tutorial> ALL = List.of(
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

    private Tutorials() {}

    public static List<Tutorial> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Tutorial::name).toList();
    }

    public static Optional<Tutorial> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Runs a port: {@code torch.manual_seed(seed)} (and {@code random.seed(seed)}) first, as the
     * reference programs do; prints its lines to {@code out}; returns its trace with the
     * extrapolation of its fit.
     *
     * @param steps the steps ({@link Tutorial#steps(int)})
     * @param inputs x and y to train on instead of the program's, or empty
     */
    public static Trace run(Tutorial tutorial, long seed, int steps, Optional<Trace.Inputs> inputs,
            Consumer<String> out) {
        return run(tutorial, seed, steps, inputs, DataSettings.defaults(), out);
    }

    /**
     * As {@link #run(Tutorial, long, int, Optional, Consumer)}, for a program that reads a data set too.
     *
     * @param steps steps, or epochs for a program that trains by epoch
     * @param data where its data set is and where its files go
     */
    public static Trace run(Tutorial tutorial, long seed, int steps, Optional<Trace.Inputs> inputs, DataSettings data,
            Consumer<String> out) {
        TutorialRun run = new TutorialRun(tutorial.name(), seed, steps, inputs, data, out);
        Torch.seeded(seed, () -> {
            try (GradMode pythonStartsWithGradOn = Torch.enableGrad()) { // DJL's engine starts with it off
                tutorial.run(run);
            }
            return null;
        });
        return withExtrapolation(tutorial, run.trace(Torch.engineDescription()));
    }

    /**
     * The trace with the extrapolation of the fit its final parameters make (a reference's trace
     * has none); as it is for a program that is no sin fit.
     */
    public static Trace withExtrapolation(Tutorial tutorial, Trace trace) {
        return tutorial.fitted(trace.finalParameters())
                .map(fit -> trace.withExtrapolation(SinFitEvaluation.evaluate(fit)))
                .orElse(trace);
    }
}
