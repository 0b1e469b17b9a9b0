package dev.djlfit.torch.data;

import dev.djlfit.torch.Mt19937;

/**
 * {@code torch.randperm(n, generator=g)} as ATen's CPU kernel computes it, for a generator just
 * seeded with {@code manual_seed(seed)} ({@link Mt19937#initGenrand}).
 */
final class Randperm {

    /** ATen's CPU randperm keeps its old draws below this size (and switches to 64-bit ones above). */
    static final long RANDPERM_32_BIT_LIMIT = 0xffffffffL / 20;

    private Randperm() {
    }

    /** The identity, then for each position i below n − 1 a swap with i + (random() mod (n − i)). */
    static int[] randperm(int n, long seed) {
        if (n >= RANDPERM_32_BIT_LIMIT) {
            throw new UnsupportedOperationException("randperm of " + n + " items: only sizes below "
                    + RANDPERM_32_BIT_LIMIT + " are reproduced");
        }
        Mt19937 generator = Mt19937.initGenrand(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (generator.nextUint32() % (n - i));
            int saved = order[i];
            order[i] = order[z + i];
            order[z + i] = saved;
        }
        return order;
    }
}
