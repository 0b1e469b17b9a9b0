package dev.djlfit.cli;

import dev.djlfit.training.Backward;
import dev.djlfit.training.TrainingConfig;
import picocli.CommandLine.Option;

/** How long and how fast to train, and from which seed: shared by every command that trains. */
public final class TrainingOptions {

    @Option(names = "--steps", paramLabel = "N",
            description = "Training steps (default: ${DEFAULT-VALUE}, the article's loop).")
    int steps = TrainingConfig.ARTICLE_STEPS;

    @Option(names = "--lr", paramLabel = "X",
            description = "SGD learning rate (default: ${DEFAULT-VALUE}, which reproduces the article's results).")
    float learningRate = TrainingConfig.ARTICLE_LEARNING_RATE;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed, as torch.manual_seed(N) (default: ${DEFAULT-VALUE}).")
    int seed = TrainingConfig.DEFAULT_SEED;

    @Option(names = "--backward", paramLabel = "HOW",
            description = "How gradients are computed: autograd (loss.backward(), the article's way) or manual"
                    + " (the chain rule written out; faster, tested against autograd) (default: autograd).")
    Backward backward = Backward.AUTOGRAD;

    public TrainingConfig config() {
        if (steps <= 0) {
            throw new UserInputException("--steps must be a positive whole number, got " + steps);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new UserInputException("--lr must be a positive number, got " + learningRate);
        }
        return new TrainingConfig(steps, learningRate, seed, TrainingConfig.DEFAULT_LOSS_EVERY, backward);
    }
}
