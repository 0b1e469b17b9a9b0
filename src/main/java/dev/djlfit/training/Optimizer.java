package dev.djlfit.training;

/**
 * {@code torch.optim.Optimizer}'s two calls in the article's loop. Whatever state an optimizer
 * keeps (Adam's moments) is made once, before the loop, and freed by {@link #close()}.
 */
public interface Optimizer extends AutoCloseable {

    /** {@code optimizer.step()}: updates every parameter from its gradient, under no-grad. */
    void step();

    /** {@code optimizer.zero_grad()}. */
    void zeroGrad();

    @Override
    default void close() {}
}
