package dev.djlfit.torch.data;

/**
 * The generator of a fresh {@code torch.Generator()} after {@code manual_seed(seed)}: ATen's
 * {@code at::mt19937}, which seeds MT19937 with the seed's low 32 bits (Matsumoto and Nishimura's
 * {@code init_genrand}), and {@code randperm} on it as ATen's CPU kernel computes it.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    /** ATen's CPU randperm keeps its old draws below this size (and switches to 64-bit ones above). */
    static final long RANDPERM_32_BIT_LIMIT = 0xffffffffL / 20;

    private final int[] state = new int[N];
    private int next = N;

    Mt19937(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
    }

    /** {@code generator->random()}: the next 32-bit output, unsigned. */
    long random() {
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

    /**
     * {@code torch.randperm(n, generator=g)} for a generator just seeded with {@code seed}: the
     * identity, then for each position i below n − 1 a swap with i + (random() mod (n − i)).
     */
    static int[] randperm(int n, long seed) {
        if (n >= RANDPERM_32_BIT_LIMIT) {
            throw new UnsupportedOperationException("randperm of " + n + " items: only sizes below "
                    + RANDPERM_32_BIT_LIMIT + " are reproduced");
        }
        Mt19937 generator = new Mt19937(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (generator.random() % (n - i));
            int saved = order[i];
            order[i] = order[z + i];
            order[z + i] = saved;
        }
        return order;
    }
}
