package dev.djlfit.torch.serialization;

import java.nio.ByteBuffer;

/**
 * A storage's element type, by the class a pickle names ({@code torch.FloatStorage}, ...), with
 * PyTorch's dtype name, its width, and how one element reads as a double. Every value of every
 * type here is a double exactly.
 */
enum StorageDtype {
    FLOAT32("FloatStorage", "torch.float32", 4),
    FLOAT64("DoubleStorage", "torch.float64", 8),
    FLOAT16("HalfStorage", "torch.float16", 2),
    BFLOAT16("BFloat16Storage", "torch.bfloat16", 2),
    INT64("LongStorage", "torch.int64", 8),
    INT32("IntStorage", "torch.int32", 4),
    INT16("ShortStorage", "torch.int16", 2),
    INT8("CharStorage", "torch.int8", 1),
    UINT8("ByteStorage", "torch.uint8", 1),
    BOOL("BoolStorage", "torch.bool", 1);

    private final String storageClass;
    private final String dtypeName;
    private final int bytes;

    StorageDtype(String storageClass, String dtypeName, int bytes) {
        this.storageClass = storageClass;
        this.dtypeName = dtypeName;
        this.bytes = bytes;
    }

    /** The storage class {@code torch.save} names in a pickle, e.g. {@code FloatStorage}. */
    String storageClass() {
        return storageClass;
    }

    /** PyTorch's name for the dtype, e.g. {@code torch.float32}. */
    String dtypeName() {
        return dtypeName;
    }

    int bytes() {
        return bytes;
    }

    static StorageDtype ofStorageClass(String name) {
        for (StorageDtype d : values()) {
            if (d.storageClass.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Element {@code index} of a storage in {@code buffer} (whose byte order is set), rounded to float32. */
    float readFloat(ByteBuffer buffer, long index) {
        int at = offset(index);
        return switch (this) {
            case FLOAT32 -> buffer.getFloat(at);
            case FLOAT64 -> (float) buffer.getDouble(at);
            case FLOAT16 -> halfToFloat(buffer.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((buffer.getShort(at) & 0xffff) << 16);
            default -> (float) readLong(buffer, index);
        };
    }

    /**
     * Whether {@link #readFloat} gives element {@code index} exactly (always for float32, float16
     * and bfloat16; for float64 and integers when float32 holds that value).
     */
    boolean exactInFloat32(ByteBuffer buffer, long index) {
        return switch (this) {
            case FLOAT32, FLOAT16, BFLOAT16 -> true;
            case FLOAT64 -> {
                double d = buffer.getDouble(offset(index));
                yield Double.isNaN(d) || (double) (float) d == d;
            }
            default -> {
                long v = readLong(buffer, index);
                yield v != Long.MAX_VALUE && (long) (float) v == v;
            }
        };
    }

    /** Element {@code index} as Python prints it, for a message. */
    String repr(ByteBuffer buffer, long index) {
        return switch (this) {
            case FLOAT64 -> Double.toString(buffer.getDouble(offset(index)));
            case FLOAT32, FLOAT16, BFLOAT16 -> Float.toString(readFloat(buffer, index));
            case BOOL -> readLong(buffer, index) != 0 ? "True" : "False";
            default -> Long.toString(readLong(buffer, index));
        };
    }

    private long readLong(ByteBuffer buffer, long index) {
        int at = offset(index);
        return switch (this) {
            case INT64 -> buffer.getLong(at);
            case INT32 -> buffer.getInt(at);
            case INT16 -> buffer.getShort(at);
            case INT8 -> buffer.get(at);
            case UINT8 -> buffer.get(at) & 0xff;
            case BOOL -> buffer.get(at) != 0 ? 1 : 0;
            default -> throw new IllegalStateException(this + " is not an integer type");
        };
    }

    private int offset(long index) {
        return Math.toIntExact(index * bytes);
    }

    /** IEEE 754 binary16 to float32 (exact: every half is a float). */
    static float halfToFloat(short half) {
        int sign = (half >>> 15) & 1;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        float magnitude;
        if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else {
            magnitude = Float.intBitsToFloat((exponent - 15 + 127) << 23 | mantissa << 13);
        }
        return sign == 1 ? -magnitude : magnitude;
    }
}
