package dev.djlfit.torch.vision.transforms;

import java.util.List;

/** {@code torchvision.transforms.Compose([t1, t2, ...])}: each transform applied to the last one's result. */
public final class Compose<T> implements Transform<T, T> {

    private final List<Transform<T, T>> transforms;

    @SafeVarargs
    public Compose(Transform<T, T>... transforms) {
        this(List.of(transforms));
    }

    public Compose(List<Transform<T, T>> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    public List<Transform<T, T>> transforms() {
        return transforms;
    }

    @Override
    public T apply(T input) {
        T value = input;
        for (Transform<T, T> transform : transforms) {
            value = transform.apply(value);
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Compose(\n");
        for (Transform<T, T> transform : transforms) {
            out.append("    ").append(transform).append('\n');
        }
        return out.append(')').toString();
    }
}
