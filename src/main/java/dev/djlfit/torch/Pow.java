package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

/**
 * {@code x ** n} and {@code x.pow(n)} for a Python int n, rounded as PyTorch rounds them.
 *
 * <p>PyTorch's CPU {@code pow(Tensor, Scalar)} computes the small exponents by multiplication:
 * {@code x ** 2} is {@code x * x} and {@code x ** 3} is {@code x * x * x}, each product rounded to
 * float32. DJL's {@code x.pow(2)} makes the 2 a tensor and calls libtorch's {@code pow(Tensor,
 * Tensor)}, a vectorised {@code powf}, which differs from the product by an ulp at some points.
 * Other exponents go to {@code pow(Tensor, Tensor)} in both. Gradients: the tutorials raise only
 * their inputs x, which require none; the products, recorded by autograd, would still give
 * n·x^(n−1).
 */
public final class Pow {

    private Pow() {}

    public static NDArray pow(NDArray x, int exponent) {
        return switch (exponent) {
            case 1 -> x.duplicate();
            case 2 -> x.mul(x);
            case 3 -> x.mul(x).mul(x);
            default -> x.pow(exponent);
        };
    }
}
