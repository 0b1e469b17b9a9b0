package dev.djlfit.cli;

import dev.djlfit.article.Backward;
import dev.djlfit.article.OptimizerKind;
import dev.djlfit.article.TrainingSettings;
import picocli.CommandLine.Option;

/** How long and how fast to train, and from which seed: shared by every command that trains. */
public final class TrainingOptions {

    @Option(names = "--steps", paramLabel = "N",
            description = "Training steps (default: ${DEFAULT-VALUE}, the article's loop).")
    int steps = TrainingSettings.ARTICLE_STEPS;

    @Option(names = "--lr", paramLabel = "X",
            description = "Learning rate (default: 0.01 for sgd, which reproduces the article's results;"
                    + " 0.001 for adam, PyTorch's default).")
    Float learningRate;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed, as torch.manual_seed(N) (default: ${DEFAULT-VALUE}).")
    int seed = TrainingSettings.DEFAULT_SEED;

    @Option(names = "--backward", paramLabel = "HOW",
            description = "How gradients are computed: autograd (loss.backward(), the article's way) or manual"
                    + " (the chain rule written out; faster, tested against autograd) (default: autograd).")
    Backward backward = Backward.AUTOGRAD;
    @Option(names = "--optimizer", paramLabel = "OPT",
            description = "sgd (the article's plain SGD) or adam (torch.optim.Adam: betas 0.9, 0.999, eps 1e-8)"
                    + " (default: ${DEFAULT-VALUE}).")
    OptimizerKind optimizer = OptimizerKind.SGD;

    @Option(names = "--normalize",
            description = "Standardise x and y (mean 0, standard deviation 1) for training; predictions and"
                    + " reports stay in the data's units. Off by default, so the article's numbers stay the"
                    + " article's; use it for data far from the range -3..3.")
    boolean normalize;

    public TrainingSettings config() {
        OptionChecks.steps("--steps", steps);
        float lr = OptionChecks.learningRate("--lr", learningRate != null ? learningRate : optimizer.defaultLearningRate());
        return new TrainingSettings(steps, lr, seed, TrainingSettings.DEFAULT_LOSS_EVERY, optimizer, normalize, backward);
    }
}
