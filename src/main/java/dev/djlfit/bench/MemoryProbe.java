package dev.djlfit.bench;

import dev.djlfit.article.TrainingObserver;

/** Samples resident memory while a run trains: once after a warm-up step count, and at the end. */
public final class MemoryProbe implements TrainingObserver {

    private final int afterSteps;
    private double atWarmup = -1;
    private double atEnd = -1;

    public MemoryProbe(int afterSteps) {
        this.afterSteps = afterSteps;
    }

    @Override
    public void progressed(int stepsDone, float loss) {
        if (atWarmup < 0 && stepsDone >= afterSteps) {
            atWarmup = ResidentMemory.megabytes();
        }
    }

    @Override
    public void finished() {
        atEnd = ResidentMemory.megabytes();
    }

    /** {@code MEMORY <experiment> rss_mb_at_<n>=<a> rss_mb_at_end=<b> growth_mb=<b-a>}. */
    public String line(String experiment) {
        return String.format(java.util.Locale.ROOT, "MEMORY %s rss_mb_at_%d=%.1f rss_mb_at_end=%.1f growth_mb=%.1f",
                experiment, afterSteps, atWarmup, atEnd, atEnd - atWarmup);
    }
}
