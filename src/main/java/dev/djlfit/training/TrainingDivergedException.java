package dev.djlfit.training;

/** Training stopped because the loss became NaN or infinite. */
public final class TrainingDivergedException extends RuntimeException {

    private final int step;
    private final float loss;

    public TrainingDivergedException(int step, float loss) {
        super("training diverged at step " + step + ": loss is " + loss
                + "; try a smaller --lr (learning rate)");
        this.step = step;
        this.loss = loss;
    }

    public int step() {
        return step;
    }

    public float loss() {
        return loss;
    }
}
