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

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;

    /** {@code random.seed(seed)}. */
    public PyRandom(long seed) {
        seed(BigInteger.valueOf(seed));
    }

    /** {@code random.seed(seed)} for any Python int. */
    public PyRandom(BigInteger seed) {
        seed(seed);
    }

    private void seed(BigInteger seed) {
        BigInteger n = seed.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** The next 32-bit output of MT19937, as an unsigned value. */
    long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int kk = 0; kk < N; kk++) {
            int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
            mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }

    /** {@code random.getrandbits(k)} for 1 ≤ k ≤ 32. */
    public long getrandbits(int k) {
        if (k < 1 || k > 32) {
            throw new IllegalArgumentException("getrandbits: k must be 1..32, got " + k);
        }
        return nextUint32() >>> (32 - k);
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
