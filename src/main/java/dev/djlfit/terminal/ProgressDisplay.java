package dev.djlfit.terminal;

/** A long job's progress as someone watching sees it. */
public interface ProgressDisplay extends AutoCloseable {

    ProgressDisplay SILENT = new ProgressDisplay() {
        @Override
        public void update(long done, String detail) {}

        @Override
        public void close() {}
    };

    /**
     * @param done units done so far, out of the total the progress was started with
     * @param detail a short note shown with it, e.g. the current loss
     */
    void update(long done, String detail);

    @Override
    void close();
}
