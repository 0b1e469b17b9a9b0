package dev.djlfit.article;

/**
 * The loss computed in iteration {@code step} of the loop (0-based), before that step's update.
 */
public record LossPoint(int step, float loss) {}
