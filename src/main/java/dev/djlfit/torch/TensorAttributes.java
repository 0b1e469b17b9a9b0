package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A tensor's {@code x.shape} and {@code x.dtype} as Python prints them: {@code torch.Size([64, 1, 28, 28])}, {@code torch.int64}. */
public final class TensorAttributes {

    private TensorAttributes() {}

    /** {@code str(x.shape)}. */
    public static String shape(NDArray x) {
        return Arrays.stream(x.getShape().getShape()).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "torch.Size([", "])"));
    }

    /** {@code str(x.dtype)}: {@code torch.float32}, {@code torch.int64}, {@code torch.uint8}, ... */
    public static String dtype(NDArray x) {
        DataType type = x.getDataType();
        return switch (type) {
            case BOOLEAN -> "torch.bool";
            case FLOAT16 -> "torch.float16";
            case BFLOAT16 -> "torch.bfloat16";
            default -> "torch." + type.name().toLowerCase(Locale.ROOT);
        };
    }
}
