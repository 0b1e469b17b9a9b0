package dev.djlfit.torch.vision.transforms;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * {@code torchvision.transforms.ToTensor()}: a uint8 image {@code [H, W]} or {@code [H, W, C]}
 * becomes float32 {@code [C, H, W]} with each value divided by 255, exactly as torchvision 0.14
 * computes it ({@code img.to(float32).div(255)}: a float32 division, which is not always the
 * product with a rounded 1/255). The result is on the image's manager.
 */
public final class ToTensor implements Transform<NDArray, NDArray> {

    private static final float[] SCALED = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALED[v] = v / 255f;
        }
    }

    @Override
    public NDArray apply(NDArray image) {
        if (image.getDataType() != DataType.UINT8) {
            throw new IllegalArgumentException("ToTensor takes a uint8 image, got " + image.getDataType());
        }
        Shape shape = image.getShape();
        if (shape.dimension() != 2 && shape.dimension() != 3) {
            throw new IllegalArgumentException("ToTensor takes an image [H, W] or [H, W, C], got " + shape);
        }
        int height = (int) shape.get(0);
        int width = (int) shape.get(1);
        int channels = shape.dimension() == 3 ? (int) shape.get(2) : 1;
        byte[] pixels = image.toByteArray();
        float[] out = new float[pixels.length];
        int plane = height * width;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[c * plane + p] = scaled(pixels[p * channels + c]);
            }
        }
        return image.getManager().create(out, new Shape(channels, height, width));
    }

    /** One pixel as ToTensor gives it: {@code value / 255} in float32. */
    public static float scaled(byte value) {
        return SCALED[value & 0xff];
    }

    /** {@code count} pixels from {@code pixels[from]} on, scaled, into {@code out[at]} on. */
    public static void scale(byte[] pixels, int from, int count, float[] out, int at) {
        for (int i = 0; i < count; i++) {
            out[at + i] = SCALED[pixels[from + i] & 0xff];
        }
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
