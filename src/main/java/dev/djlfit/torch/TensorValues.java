package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;

/**
 * A tensor's values copied out of the engine: what a result keeps after its {@code NDManager}
 * is closed, what the report prints and what the JSON holds.
 *
 * @param shape e.g. {@code [10, 1]}; empty for a scalar
 * @param values the elements in row-major order
 */
public record TensorValues(long[] shape, float[] values) {

    public TensorValues {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + count + " values, not " + values.length);
        }
        shape = shape.clone();
        values = values.clone();
    }

    public static TensorValues of(NDArray array) {
        return new TensorValues(array.getShape().getShape(), array.toFloatArray());
    }

    public static TensorValues vector(float... values) {
        return new TensorValues(new long[] {values.length}, values);
    }

    /** A column, {@code [n, 1]}: the article's batch of single inputs. */
    public static TensorValues column(float... values) {
        return new TensorValues(new long[] {values.length, 1}, values);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public int rank() {
        return shape.length;
    }

    public float get(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    /** Element {@code [row][col]} of a matrix. */
    public float get(int row, int col) {
        return values[row * (int) shape[1] + col];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorValues t
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(shape) + Arrays.toString(values);
    }
}
