package dev.djlfit.bench;

/**
 * The peak resident memory of a child process (the PyTorch reference), read from its
 * {@code /proc/<pid>/status} every few milliseconds while it runs: the kernel keeps the peak
 * ({@code VmHWM}) only as long as the process lives, so the last reading before it exits is kept.
 */
final class ChildPeakMemory implements AutoCloseable {

    static final long EVERY_MILLIS = 20;

    private final Thread sampler;
    private volatile double peak = -1;

    private ChildPeakMemory(ProcessHandle child) {
        sampler = new Thread(() -> {
            while (child.isAlive()) {
                double now = ResidentMemory.peakMegabytes(child.pid());
                if (now > peak) {
                    peak = now;
                }
                try {
                    Thread.sleep(EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "child-peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ChildPeakMemory watch(ProcessHandle child) {
        return new ChildPeakMemory(child);
    }

    /** The highest peak read, in megabytes; -1 if none could be read. */
    double megabytes() {
        return peak;
    }

    @Override
    public void close() {
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
