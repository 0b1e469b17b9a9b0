package dev.djlfit.article;

/** Hears about a run while it trains (e.g. a progress bar); called only at recorded steps. */
public interface TrainingObserver {

    TrainingObserver NONE = new TrainingObserver() {};

    default void started(int totalSteps) {}

    /**
     * @param stepsDone updates made before this loss was measured (the loss of 0-based step i is the
     *     net's after i updates, so 0 for the first)
     */
    default void progressed(int stepsDone, float loss) {}

    /** After the last step: every step of {@link #started}'s total is done. */
    default void finished() {}
}
