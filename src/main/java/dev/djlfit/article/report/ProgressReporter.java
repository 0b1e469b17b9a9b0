package dev.djlfit.article.report;

import dev.djlfit.terminal.LineProgress;
import dev.djlfit.terminal.ProgressDisplay;
import dev.djlfit.terminal.TerminalColumns;
import dev.djlfit.terminal.TerminalProgress;
import dev.djlfit.article.TrainingObserver;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Decides how progress is shown on stderr: a bar redrawn in place when stderr is a terminal, a
 * plain line every tenth of the run when it is not (a pipe, a log file, CI), nothing with
 * {@code --quiet}.
 */
public final class ProgressReporter {

    public enum Mode { BAR, LINES, OFF }

    private final Mode mode;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final IntSupplier columns;

    public ProgressReporter(Mode mode, PrintWriter err) {
        this(mode, err, System::nanoTime, TerminalColumns::current);
    }

    /** With a clock (nanoseconds) and a terminal width of its own: what tests give it. */
    public ProgressReporter(Mode mode, PrintWriter err, LongSupplier clock, IntSupplier columns) {
        this.mode = mode;
        this.err = err;
        this.clock = clock;
        this.columns = columns;
    }

    /** For a command's stderr: bar on a terminal, lines elsewhere, nothing when quiet. */
    public static ProgressReporter forStderr(PrintWriter err, boolean quiet) {
        Mode mode = quiet ? Mode.OFF : stderrIsTerminal() ? Mode.BAR : Mode.LINES;
        return new ProgressReporter(mode, err);
    }

    /**
     * Whether file descriptor 2 is a terminal. {@code System.console()} answers for stdin and
     * stdout together, so {@code > out.txt} would hide a terminal that stderr still has; Java has
     * no call for stderr alone, so ask {@code test -t 2} with this process's stderr (what jline's
     * exec provider does). Anything that fails (no {@code test}, Windows) counts as no terminal.
     */
    public static boolean stderrIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            Process test = new ProcessBuilder("test", "-t", "2")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return test.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Mode mode() {
        return mode;
    }

    public ProgressDisplay start(String task, long total, String unit) {
        return switch (mode) {
            case BAR -> new TerminalProgress(err, task, total, unit, clock, columns.getAsInt());
            case LINES -> new LineProgress(err, task, total, unit, clock);
            case OFF -> ProgressDisplay.SILENT;
        };
    }

    /** A listener that shows one training run's steps and current loss. */
    public TrainingObserver listener(String task) {
        if (mode == Mode.OFF) {
            return TrainingObserver.NONE;
        }
        return new TrainingObserver() {
            private ProgressDisplay progress = ProgressDisplay.SILENT;
            private int total;
            private String lastLoss = "";

            @Override
            public void started(int totalSteps) {
                total = totalSteps;
                progress = start(task, totalSteps, "steps");
            }

            @Override
            public void progressed(int stepsDone, float loss) {
                lastLoss = lossText(loss);
                progress.update(stepsDone, lastLoss);
            }

            @Override
            public void finished() {
                progress.update(total, lastLoss);
                progress.close();
            }
        };
    }

    /**
     * One progress over several runs that train at once (the sweep's configurations, on worker
     * threads): each run's listener adds its steps to the shared count.
     */
    public Shared shared(String task, long total, int runs) {
        return new Shared(start(task, total, "steps"), total / runs, runs);
    }

    /** See {@link #shared}. */
    public static final class Shared implements AutoCloseable {
        private final ProgressDisplay progress;
        private final long perRun;
        private final int runs;
        private long done;
        private int finished;

        private Shared(ProgressDisplay progress, long perRun, int runs) {
            this.progress = progress;
            this.perRun = perRun;
            this.runs = runs;
        }

        /** A listener for one of the runs. */
        public TrainingObserver part() {
            return new TrainingObserver() {
                private long seen;

                @Override
                public void progressed(int stepsDone, float loss) {
                    synchronized (Shared.this) {
                        done += stepsDone - seen;
                        seen = stepsDone;
                        progress.update(done, finished + "/" + runs + " done");
                    }
                }

                @Override
                public void finished() {
                    synchronized (Shared.this) {
                        done += perRun - seen;
                        seen = perRun;
                        finished++;
                        progress.update(done, finished + "/" + runs + " done");
                    }
                }
            };
        }

        @Override
        public void close() {
            progress.close();
        }
    }

    public static String lossText(float loss) {
        return String.format(Locale.ROOT, "loss %.3e", loss);
    }
}
