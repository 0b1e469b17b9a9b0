package dev.djlfit.sweep;

import dev.djlfit.article.Nonlinearity;

import java.util.ArrayList;
import java.util.List;

/**
 * Every combination of activation, hidden width and depth, each trained from {@code seeds}
 * seeds: {@code firstSeed, firstSeed + 1, ...}.
 */
public record SweepGrid(
        List<Nonlinearity> activations, List<Integer> hidden, List<Integer> depths, int seeds, int firstSeed) {

    public SweepGrid {
        activations = List.copyOf(activations);
        hidden = List.copyOf(hidden);
        depths = List.copyOf(depths);
        if (activations.isEmpty() || hidden.isEmpty() || depths.isEmpty()) {
            throw new IllegalArgumentException("the grid needs at least one activation, width and depth");
        }
        if (seeds <= 0) {
            throw new IllegalArgumentException("seeds must be positive, got " + seeds);
        }
    }

    public List<SweepConfiguration> configurations() {
        List<SweepConfiguration> all = new ArrayList<>();
        for (Nonlinearity activation : activations) {
            for (int depth : depths) {
                for (int width : hidden) {
                    all.add(new SweepConfiguration(activation, width, depth));
                }
            }
        }
        return all;
    }

    public int[] seedValues() {
        int[] values = new int[seeds];
        for (int i = 0; i < seeds; i++) {
            values[i] = firstSeed + i;
        }
        return values;
    }
}
