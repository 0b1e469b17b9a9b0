package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

/**
 * {@code torch.autograd.Function}: an operation whose backward pass is written by hand. DJL has
 * no such thing, so the kit adds one on top of libtorch's autograd:
 *
 * <ol>
 *   <li>{@link #apply} runs {@link #forward} under no-grad and returns its result as a fresh
 *       leaf that requires grad, and notes (inputs, output, ctx) on this thread's tape.
 *   <li>{@link Torch#backward(NDArray)} runs libtorch's backward from the loss, which stops at
 *       that leaf and leaves d(loss)/d(output) in its {@code .grad}.
 *   <li>It then visits the tape newest first: for each output that received a gradient it calls
 *       {@link #backward}, and runs libtorch's backward again from each input with the gradient
 *       returned for it, into whatever graph produced that input (or into the input's
 *       {@code .grad} if it is a leaf).
 * </ol>
 *
 * Newest first is an order in which every output's gradient is complete before it is used: a
 * later function can feed an earlier one, never the reverse. While the tape holds anything, the
 * backward passes keep their graphs ({@code retain_graph}), since an input's graph may also be
 * reached from the loss directly; the graphs go with their arrays, when the step's scope closes.
 *
 * <pre>
 * class LegendrePolynomial3(torch.autograd.Function):      class LegendrePolynomial3 extends Function {
 *     def forward(ctx, input):                                protected NDArray forward(FunctionContext ctx, NDArray... in) {
 *         ctx.save_for_backward(input)                            ctx.saveForBackward(in[0]);
 *         return 0.5 * (5 * input ** 3 - 3 * input)               return ...;
 *     def backward(ctx, grad_output):                         protected NDArray[] backward(FunctionContext ctx, NDArray g) {
 *         input, = ctx.saved_tensors                              NDArray input = ctx.saved(0);
 *         return grad_output * 1.5 * (5 * input ** 2 - 1)         return new NDArray[] {...};
 * P3 = LegendrePolynomial3.apply                           Function p3 = new LegendrePolynomial3();
 * y_pred = a + b * P3(c + d * x)                           NDArray yPred = a.add(b.mul(p3.apply(c.add(d.mul(x)))));
 * </pre>
 *
 * Both methods run under no-grad: what they compute is not recorded. With grad enabled the
 * output always requires grad (libtorch through DJL cannot tell whether a computed input is in a
 * graph); a gradient for an input that is outside every graph is dropped, as PyTorch drops it.
 */
public abstract class Function {

    /**
     * The result, from the inputs; save what backward needs in {@code ctx}.
     *
     * @return a new array (not one of the inputs)
     */
    protected abstract NDArray forward(FunctionContext ctx, NDArray... inputs);

    /**
     * d(loss)/d(input) for each input, given d(loss)/d(output); null where an input needs none.
     */
    protected abstract NDArray[] backward(FunctionContext ctx, NDArray gradOutput);

    /** {@code Function.apply(*inputs)}. */
    public final NDArray apply(NDArray... inputs) {
        FunctionContext ctx = new FunctionContext();
        boolean recording = GradMode.isEnabled();
        NDArray output;
        try (GradMode noGrad = Torch.noGrad()) {
            output = forward(ctx, inputs);
        }
        if (recording) {
            output.setRequiresGradient(true);
            Tape.record(this, ctx, inputs, output);
        }
        return output;
    }

    /**
     * The name of the {@code grad_fn} PyTorch gives this function's output, e.g.
     * {@code BinaryCrossEntropyWithLogitsBackward0} for a built-in, {@code LegendrePolynomial3Backward}
     * for a custom {@code torch.autograd.Function} (its class name and {@code Backward}).
     */
    public String gradFnName() {
        return getClass().getSimpleName() + "Backward";
    }

    final NDArray[] runBackward(FunctionContext ctx, NDArray gradOutput) {
        try (GradMode noGrad = Torch.noGrad()) {
            return backward(ctx, gradOutput);
        }
    }
}
