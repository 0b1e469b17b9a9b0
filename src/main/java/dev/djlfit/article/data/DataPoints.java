package dev.djlfit.article.data;

import dev.djlfit.extrapolation.Truth;
import java.util.Arrays;
import java.util.Optional;

/**
 * Training points (x, y), one input and one output each, as the article's {@code data} list.
 *
 * @param name a short name used in experiment names and file names, e.g. {@code quadratic}
 * @param x the inputs
 * @param y the outputs, as many as inputs
 * @param truth the function the points came from, where known
 */
public record DataPoints(String name, float[] x, float[] y, Truth truthOrNull) {

    public DataPoints {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "x has " + x.length + " values but y has " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public float[] x() {
        return x.clone();
    }

    @Override
    public float[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    public Optional<Truth> truth() {
        return Optional.ofNullable(truthOrNull);
    }

    public double minX() {
        double min = Double.POSITIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
        }
        return min;
    }

    public double maxX() {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Beyond this many points the list is shortened to its first and last three. */
    public static final int PRINT_THRESHOLD = 1000;

    /**
     * The points as the article prints its {@code data} list: {@code [[0, 1], [1, 3], ...]}; a
     * long list as {@code [[0, 1], [1, 3], [2, 5], ..., [x, y]] (5000 points)}.
     */
    public String toArticleString() {
        StringBuilder out = new StringBuilder("[");
        boolean shorten = x.length > PRINT_THRESHOLD;
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (shorten && i == 3) {
                out.append("...");
                i = x.length - 4;
                continue;
            }
            out.append('[').append(number(x[i])).append(", ").append(number(y[i])).append(']');
        }
        out.append(']');
        if (shorten) {
            out.append(" (").append(x.length).append(" points)");
        }
        return out.toString();
    }

    private static String number(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Float.toString(v);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataPoints d
                && name.equals(d.name)
                && Arrays.equals(x, d.x)
                && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(x) * 17 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return name + " " + toArticleString();
    }
}
