package dev.djlfit.torch.vision.transforms;

/**
 * A torchvision transform: a callable from one value to another ({@code transform(x)} is
 * {@code transform.apply(x)}). Images are uint8 arrays {@code [H, W]} or {@code [H, W, C]}, as
 * {@code numpy.array(pil_image)} holds them.
 */
@FunctionalInterface
public interface Transform<I, O> {

    O apply(I input);
}
