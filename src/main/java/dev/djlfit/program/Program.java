package dev.djlfit.program;

import dev.djlfit.torch.TensorValues;

import java.util.Map;
import java.util.Optional;

/** A ported tutorial program. */
public interface Program {

    /** The name {@code tutorial NAME} takes, e.g. {@code polynomial-nn}. */
    public String name();

    /** The original, e.g. {@code beginner_source/examples_nn/polynomial_nn.py}. */
    public String original();

    /** The original's step count: 2000, or 30000 for dynamic-net; its epochs for a program that trains by epoch. */
    public default int defaultSteps() {
        return 2000;
    }

    /** The steps to run: {@code requested}, or the program's own where that is 0. */
    public default int steps(int requested) {
        return requested > 0 ? requested : defaultSteps();
    }

    /** Runs the program: prints through {@code run} what the original prints, and fills its trace. */
    public void run(Harness run);

    /**
     * Whether the program trains by epochs over a data set (FashionMNIST, "Learn the Basics")
     * rather than by steps on x and y: its length is then epochs, and its reference is
     * {@code src/reference/pytorch/basics.py}.
     */
    public default boolean byEpoch() {
        return false;
    }

    /**
     * Whether the program has a length to ask for ({@code --steps} or {@code --epochs}); false for
     * the "Learn the Basics" programs that show constructs and train nothing (tensors, data,
     * transforms, buildmodel, autograd).
     */
    public default boolean trains() {
        return true;
    }

    /** Whether the program is one of the sin fits of "Learning PyTorch with Examples" (trains by steps). */
    public default boolean isSinFit() {
        return trains() && !byEpoch();
    }

    /**
     * The reference program's script in {@code src/reference/pytorch/}: {@code basics.py} for the
     * programs that train by epoch, {@code tutorials.py} for the sin fits.
     */
    public default String referenceScript() {
        return byEpoch() ? "basics.py" : "tutorials.py";
    }

    /** Options the reference takes besides {@code NAME --seed S --steps N --out FILE} (none for a tutorial). */
    public default java.util.List<String> referenceOptions() {
        return java.util.List.of();
    }

    /** Whether the program reads FashionMNIST ({@code --data}): the programs that train by epoch, and data and transforms. */
    public default boolean readsFashionMnist() {
        return byEpoch();
    }

    /**
     * How the function these final parameters compute follows the truth beyond the data (the sin
     * fits: against sin; the article's experiments: against the data's formula); empty for a
     * classifier, or where no truth is known.
     */
    public default Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> finalParameters) {
        return Optional.empty();
    }
}
