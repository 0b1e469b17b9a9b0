package dev.djlfit.torch.vision.transforms;

/**
 * {@code torchvision.transforms.Lambda(fn)}: a transform made of a function, for example the
 * one-hot target transform {@code new Lambda<Integer, NDArray>(y -> Scatter.scatter_(Torch.zeros(m, 10), 0, m.create((long) y), 1))}.
 */
public final class Lambda<I, O> implements Transform<I, O> {

    private final Transform<I, O> function;

    public Lambda(Transform<I, O> function) {
        this.function = function;
    }

    @Override
    public O apply(I input) {
        return function.apply(input);
    }

    @Override
    public String toString() {
        return "Lambda()";
    }
}
