package dev.djlfit.article;

import dev.djlfit.torch.TensorValues;

/**
 * {@code y = fit(x)}, both sides copied out of the engine.
 *
 * @param x the input as it was fed (shape [1] or [n, 1], as in the article)
 * @param y the output, same shape
 * @param gradFn the autograd node that produced y, as PyTorch names it in {@code grad_fn=<...>}
 */
public record Prediction(TensorValues x, TensorValues y, String gradFn) {}
