package dev.djlfit.torch;

import java.math.BigInteger;

/**
 * Python's {@code random} module, as far as tutorials use it: {@code random.seed(n)} for an int
 * and {@code random.randint(a, b)}, drawing the same numbers as CPython 3 for the same seed.
 *
 * <p>CPython's generator is MT19937. {@code seed(n)} splits |n| into 32-bit words, least
 * significant first (one word 0 for n = 0), and mixes them in with {@code init_by_array}.
 * {@code randint(a, b)} is {@code randrange(a, b + 1)}: a + {@code _randbelow(b − a + 1)}, which
 * draws {@code getrandbits(k)} for k the bit length of the width and draws again while the value
 * is not below the width. {@code getrandbits(k)} for k ≤ 32 is the next 32-bit output shifted
 * right by 32 − k.
 */
public final class PyRandom {

    private final Mt19937 generator;

    /** {@code random.seed(seed)}. */
    public PyRandom(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /** {@code random.seed(seed)} for any Python int. */
    public PyRandom(BigInteger seed) {
        BigInteger n = seed.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        generator = Mt19937.initByArray(key);
    }

    /** {@code random.getrandbits(k)} for 1 ≤ k ≤ 32. */
    public long getrandbits(int k) {
        if (k < 1 || k > 32) {
            throw new IllegalArgumentException("getrandbits: k must be 1..32, got " + k);
        }
        return generator.nextUint32() >>> (32 - k);
    }

    /** {@code random.randint(a, b)}: a ≤ result ≤ b, each equally likely. */
    public int randint(int a, int b) {
        long width = (long) b - a + 1;
        if (width <= 0 || width >= (1L << 32)) {
            throw new IllegalArgumentException("randint: empty or too wide range " + a + ".." + b);
        }
        return (int) (a + randbelow(width));
    }

    private long randbelow(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return r;
    }
}
