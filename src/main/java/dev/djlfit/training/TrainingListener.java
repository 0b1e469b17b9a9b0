package dev.djlfit.training;

/** Hears about a run while it trains (e.g. a progress bar); called only at recorded steps. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    default void started(int totalSteps) {}

    /** @param stepsDone steps completed so far */
    default void progressed(int stepsDone, float loss) {}

    default void finished() {}
}
