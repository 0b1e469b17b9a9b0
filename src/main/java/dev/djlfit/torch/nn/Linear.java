package dev.djlfit.torch.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.torch.Torch;

/**
 * {@code torch.nn.Linear(in_features, out_features, bias=True)}: y = x Wᵀ + b, with W of shape
 * (out, in). {@link #Linear(NDManager, long, long, boolean)} draws W and then b from libtorch's
 * generator with {@code reset_parameters()}'s bounds ({@link Init}), so after
 * {@link Torch#manualSeed} a net made of Linears starts bit-equal to PyTorch's.
 */
public final class Linear extends Module {

    private final long inFeatures;
    private final long outFeatures;
    private final NDArray weight;
    private final NDArray bias;

    /** {@code torch.nn.Linear(in_features, out_features, bias)}, drawn now. */
    public Linear(NDManager manager, long inFeatures, long outFeatures, boolean bias) {
        this(Torch.uniform(manager, -Init.linearWeightBound(inFeatures), Init.linearWeightBound(inFeatures),
                        outFeatures, inFeatures),
                bias ? Torch.uniform(manager, -Init.linearBiasBound(inFeatures), Init.linearBiasBound(inFeatures),
                        outFeatures) : null);
    }

    /** {@code torch.nn.Linear(in_features, out_features)}: with a bias. */
    public Linear(NDManager manager, long inFeatures, long outFeatures) {
        this(manager, inFeatures, outFeatures, true);
    }

    /**
     * A Linear holding the given arrays as its parameters (no draws), e.g. a saved model's.
     *
     * @param weight shape (out, in)
     * @param biasOrNull shape (out), or null for {@code bias=False}
     */
    public Linear(NDArray weight, NDArray biasOrNull) {
        Shape shape = weight.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("a Linear weight has shape (out_features, in_features), not " + shape);
        }
        this.outFeatures = shape.get(0);
        this.inFeatures = shape.get(1);
        if (biasOrNull != null && !biasOrNull.getShape().equals(new Shape(outFeatures))) {
            throw new IllegalArgumentException("a Linear bias for weight " + shape + " has shape ("
                    + outFeatures + "), not " + biasOrNull.getShape());
        }
        this.weight = registerParameter("weight", weight);
        this.bias = biasOrNull == null ? null : registerParameter("bias", biasOrNull);
    }

    /**
     * {@code F.linear(x, weight, bias)}: libtorch's {@code linear}, which for a 2-D input with a
     * bias is one {@code addmm} (grad_fn {@code AddmmBackward0}), as in PyTorch. Called directly,
     * without DJL's {@code NDList} wrapping, once per layer per step.
     */
    @Override
    public NDArray forward(NDArray x) {
        return JniUtils.linear((PtNDArray) x, (PtNDArray) weight, (PtNDArray) bias);
    }

    /** {@code linear.weight}. */
    public NDArray weight() {
        return weight;
    }

    /** {@code linear.bias}, or null for {@code bias=False}. */
    public NDArray bias() {
        return bias;
    }

    public long inFeatures() {
        return inFeatures;
    }

    public long outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias == null ? "False" : "True");
    }
}
