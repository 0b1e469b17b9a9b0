package dev.djlfit.torch;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura), the generator behind both ATen's CPU
 * {@code torch.Generator} and Python's {@code random}. The two seed it differently, hence two
 * factories; the draws after seeding are the same algorithm.
 */
public final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int next = N;

    private Mt19937() {
    }

    /**
     * ATen's {@code at::mt19937(seed)}, the generator of a fresh {@code torch.Generator()} after
     * {@code manual_seed(seed)}: {@code init_genrand} with the seed's low 32 bits.
     */
    public static Mt19937 initGenrand(long seed) {
        Mt19937 generator = new Mt19937();
        generator.fill((int) seed);
        return generator;
    }

    /** {@code init_by_array(key)}, as CPython's {@code random.seed} mixes in an int's 32-bit words. */
    public static Mt19937 initByArray(int[] key) {
        Mt19937 generator = new Mt19937();
        generator.mixIn(key);
        return generator;
    }

    private void fill(int seed) {
        state[0] = seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        next = N;
    }

    private void mixIn(int[] key) {
        fill(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x80000000;
    }

    /** The next 32-bit output, unsigned ({@code generator->random()} in ATen). */
    public long nextUint32() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & 0x80000000) | (state[(k + 1) % N] & 0x7fffffff);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        next = 0;
    }
}
