package dev.djlfit.article;

/** Training stopped because the loss became NaN or infinite, or grew by orders of magnitude. */
public final class DivergedException extends RuntimeException {

    private final int step;
    private final float loss;

    /** The loss at {@code step} is NaN or infinite. */
    public DivergedException(int step, float loss) {
        this(step, loss, "loss is " + loss);
    }

    /**
     * @param what what went wrong with the loss, e.g. {@code loss 3.1e9 is 1e6 times the first loss}
     */
    public DivergedException(int step, float loss, String what) {
        super("training diverged at step " + step + ": " + what
                + "; try a smaller --lr (learning rate), or --normalize for data of large scale");
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
