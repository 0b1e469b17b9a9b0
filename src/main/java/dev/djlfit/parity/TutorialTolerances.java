package dev.djlfit.parity;

import dev.djlfit.torch.TensorValues;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a tutorial port (DJL 0.33.0, libtorch 2.5.1) may be from its reference program (Debian's
 * PyTorch 1.13) and still count as the same computation, per program. The yardstick is PyTorch
 * against itself when only rounding changes: {@code src/reference/pytorch/tutorial_spread.py}
 * moves x by one ulp at 300 points and y at 300 others (libtorch 2.5.1's linspace and sin differ
 * from 1.13's at a few hundred of the 2000 points), or adds the same points up in reverse order.
 * The figures and commands are in docs/trace-format.md ("Self-spread").
 *
 * @param initialParameters largest |Java − PyTorch| allowed before training (the draws are the
 *     same generator in the same order: bit-equal in practice)
 * @param finalParameters the same after training
 * @param lastLoss largest |Java − PyTorch| / |PyTorch| of the last printed loss
 * @param printedLosses the same, of every printed loss (infinite: not judged, the sin fits)
 * @param accuracy largest |Java − PyTorch| of a test accuracy, as a fraction (infinite: not judged)
 * @param avgLoss largest |Java − PyTorch| / |PyTorch| of a test's average loss (infinite: not judged)
 * @param values largest |Java − PyTorch| of a named value's number (0: equal, as sample indices must be)
 * @param reason why these figures, in a sentence
 */
public record TutorialTolerances(double initialParameters, double finalParameters, double lastLoss,
        double printedLosses, double accuracy, double avgLoss, double values, String reason) {

    /** Tolerances under which named values must be equal. */
    public TutorialTolerances(double initialParameters, double finalParameters, double lastLoss,
            double printedLosses, double accuracy, double avgLoss, String reason) {
        this(initialParameters, finalParameters, lastLoss, printedLosses, accuracy, avgLoss, 0, reason);
    }

    /** Tolerances for a sin fit, which has no test loop and is judged on its last printed loss. */
    public TutorialTolerances(double initialParameters, double finalParameters, double lastLoss, String reason) {
        this(initialParameters, finalParameters, lastLoss, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, reason);
    }

    /** Before training: the same generator, seed and order of draws give bit-equal parameters. */
    public static final double INITIAL = 1e-6;

    /**
     * The SGD fits (hand-written, autograd, custom Function, nn, module, dynamic-net) converge
     * slowly and smoothly: a 1-ulp change of the inputs moved PyTorch's final parameters by at
     * most 1.2e-7 and its last loss by 9.4e-7 (relative), seeds 0–9 (0–4 for dynamic-net); the
     * Java port, on its own inputs, is as close (docs/trace-format.md). Allowed: 10 times that,
     * rounded up, for the seeds and steps not measured.
     */
    static final TutorialTolerances SMOOTH = new TutorialTolerances(INITIAL, 2e-6, 1e-5,
            "plain SGD converges smoothly: PyTorch against itself, inputs moved by 1 ulp, spread 1.2e-7"
                    + " (parameters) and 9.4e-7 (last loss); allowed 10x, rounded up");

    /**
     * RMSprop at lr 1e-3 on a sum-of-squares loss takes steps of about lr whatever the gradient,
     * so it never settles and rounding differences persist: PyTorch against itself, inputs moved
     * by 1 ulp, seeds 0–9: final parameters 1.2e-3, last loss 1.1e-2 (relative). Allowed: 3 times
     * that.
     */
    static final TutorialTolerances RMSPROP = new TutorialTolerances(INITIAL, 4e-3, 3.5e-2,
            "RMSprop's steps stay about lr (1e-3) and never settle: PyTorch against itself, inputs moved by"
                    + " 1 ulp, spread 1.2e-3 (parameters) and 1.1e-2 (last loss); allowed 3x");

    /**
     * The "Learn the Basics" classifiers (quickstart, optimization, saveloadrun): SGD at lr 1e-3 on
     * CrossEntropyLoss, batches of 64 FashionMNIST images. PyTorch 1.13 against itself with every
     * parameter entry moved one ulp up at the start ({@code basics_spread.py --nudge 1000000}), one
     * epoch on all 60000 images (938 batches), seeds 1 and 2: final parameters 3.2e-6, printed
     * losses 6.7e-7 and the test's average loss 5.4e-7 (relative), the test accuracy unchanged
     * (docs/trace-format.md, "Self-spread of the classifiers"). Allowed: 10 times that, rounded up;
     * the accuracy 5 of the 10000 test images (an image whose two best logits are within rounding
     * of each other may flip; on the 256-image test slice, any flip fails).
     */
    static final TutorialTolerances CLASSIFIER = new TutorialTolerances(INITIAL, 4e-5, 1e-5, 1e-5, 5e-4, 1e-5,
            "SGD on CrossEntropyLoss over FashionMNIST: PyTorch against itself, every initial parameter moved 1 ulp,"
                    + " one epoch, spread 3.2e-6 (parameters), 6.7e-7 (printed losses), 5.4e-7 (avg loss), 0"
                    + " (accuracy); allowed 10x, rounded up, and 5 of 10000 test images");

    public static TutorialTolerances forProgram(String program) {
        return switch (program) {
            case "polynomial-optim" -> RMSPROP;
            case "quickstart", "optimization", "saveloadrun" -> CLASSIFIER;
            default -> SMOOTH;
        };
    }

    /**
     * Tolerances measured from PyTorch against itself, as the project measures its own: {@code factor}
     * times how far a run moved from the same run with only the rounding changed (its initial
     * weights or its data nudged by an ulp, {@code djlfit_trace.nudge}). One nudged run can happen to
     * end within an ulp of the plain one where another seed would not, so a spread below one float32
     * ulp (of the largest final parameter; of 1, relative, for a loss) counts as one ulp. The initial
     * parameters keep {@link #INITIAL}: a port draws them as PyTorch does, bit-equal in practice.
     *
     * @param spread the nudged run (as "java") against the plain one, the same program, seed and steps
     */
    public static TutorialTolerances fromSpread(TutorialComparison spread, double factor) {
        double parameterUlp = 0;
        for (TensorValues t : spread.pytorch().finalParameters().values()) {
            for (float v : t.values()) {
                parameterUlp = Math.max(parameterUlp, Math.ulp(v));
            }
        }
        double relativeUlp = Math.ulp(1.0f);
        return new TutorialTolerances(INITIAL,
                factor * Math.max(spread.finalMaxAbs(), parameterUlp),
                factor * Math.max(spread.lastLossRelative(), relativeUlp),
                factor * Math.max(spread.lossesMaxRelative(), relativeUlp),
                factor * spread.accuracyMaxAbs(),
                factor * Math.max(spread.avgLossMaxRelative(), relativeUlp),
                factor * spread.valuesMaxAbs(),
                "measured: " + trim(factor) + "x PyTorch's spread against itself, at least an ulp");
    }

    /** Each tolerance the larger of the two: several measured spreads, the widest counting. */
    public TutorialTolerances widest(TutorialTolerances other) {
        return new TutorialTolerances(Math.max(initialParameters, other.initialParameters),
                Math.max(finalParameters, other.finalParameters), Math.max(lastLoss, other.lastLoss),
                Math.max(printedLosses, other.printedLosses), Math.max(accuracy, other.accuracy),
                Math.max(avgLoss, other.avgLoss), Math.max(values, other.values), reason);
    }

    private static String trim(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }

    Verdict judge(TutorialComparison c) {
        List<String> failures = new ArrayList<>();
        Verdict.checkAtMost(failures, "initial parameters: largest |diff|", c.initialMaxAbs(), initialParameters);
        Verdict.checkAtMost(failures, "final parameters: largest |diff|", c.finalMaxAbs(), finalParameters);
        Verdict.checkAtMost(failures, "last printed loss: |diff| / |PyTorch|", c.lastLossRelative(), lastLoss);
        if (!c.lossStepsMatch()) {
            failures.add("the two printed their losses at different steps");
        }
        Verdict.checkAtMost(failures, "printed losses: largest |diff| / |PyTorch|", c.lossesMaxRelative(), printedLosses);
        if (!c.testsMatch()) {
            failures.add("the two ran their test loops after different epochs");
        }
        Verdict.checkAtMost(failures, "test accuracy: largest |diff|", c.accuracyMaxAbs(), accuracy);
        Verdict.checkAtMost(failures, "test average loss: largest |diff| / |PyTorch|", c.avgLossMaxRelative(), avgLoss);
        if (!c.valuesMatch()) {
            failures.add("the two recorded different named values (names or shapes)");
        }
        Verdict.checkAtMost(failures, "named values: largest |diff|", c.valuesMaxAbs(), values);
        return new Verdict(failures);
    }
}
