package dev.djlfit.article;

/**
 * How to train: the article's loop runs {@code for i in range(100000)} with SGD at lr 0.01.
 *
 * @param steps number of optimisation steps
 * @param learningRate the optimizer's learning rate
 * @param seed the engine seed, as {@code torch.manual_seed(seed)}
 * @param lossEvery record the loss every this many steps (and at the last step)
 * @param optimizer SGD (the article's) or Adam
 * @param normalize whether inputs and outputs are standardised for training ({@code --normalize})
 * @param backward how gradients are computed
 */
public record TrainingSettings(
        int steps,
        float learningRate,
        int seed,
        int lossEvery,
        OptimizerKind optimizer,
        boolean normalize,
        Backward backward) {

    public static final int ARTICLE_STEPS = 100_000;
    public static final float ARTICLE_LEARNING_RATE = 0.01f;
    public static final int DEFAULT_SEED = 0;
    public static final int DEFAULT_LOSS_EVERY = 100;

    public TrainingSettings {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (lossEvery <= 0) {
            throw new IllegalArgumentException("lossEvery must be positive, got " + lossEvery);
        }
        if (optimizer == null || backward == null) {
            throw new IllegalArgumentException("optimizer and backward must be given");
        }
        if (backward == Backward.MANUAL && optimizer != OptimizerKind.SGD) {
            throw new IllegalArgumentException("--backward manual is written for plain SGD; use --optimizer sgd");
        }
    }

    /** The article's way: plain SGD on the data as it is, gradients by autograd. */
    public TrainingSettings(int steps, float learningRate, int seed, int lossEvery) {
        this(steps, learningRate, seed, lossEvery, OptimizerKind.SGD, false, Backward.AUTOGRAD);
    }

    public TrainingSettings(
            int steps, float learningRate, int seed, int lossEvery, OptimizerKind optimizer, boolean normalize) {
        this(steps, learningRate, seed, lossEvery, optimizer, normalize, Backward.AUTOGRAD);
    }

    public static TrainingSettings article() {
        return new TrainingSettings(ARTICLE_STEPS, ARTICLE_LEARNING_RATE, DEFAULT_SEED, DEFAULT_LOSS_EVERY);
    }

    public TrainingSettings withSteps(int newSteps) {
        return new TrainingSettings(newSteps, learningRate, seed, lossEvery, optimizer, normalize, backward);
    }

    public TrainingSettings withSeed(int newSeed) {
        return new TrainingSettings(steps, learningRate, newSeed, lossEvery, optimizer, normalize, backward);
    }

    public TrainingSettings withLearningRate(float newLearningRate) {
        return new TrainingSettings(steps, newLearningRate, seed, lossEvery, optimizer, normalize, backward);
    }

    public TrainingSettings withLossEvery(int newLossEvery) {
        return new TrainingSettings(steps, learningRate, seed, newLossEvery, optimizer, normalize, backward);
    }

    public TrainingSettings withBackward(Backward newBackward) {
        return new TrainingSettings(steps, learningRate, seed, lossEvery, optimizer, normalize, newBackward);
    }

    /** Whether step {@code i} (0-based, as in the article's loop) records its loss. */
    public boolean records(int i) {
        return i % lossEvery == 0 || i == steps - 1;
    }
}
