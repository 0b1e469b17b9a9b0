package dev.djlfit.report;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

/**
 * A progress bar redrawn in place on the terminal's stderr (me.tongfei:progressbar): percentage,
 * bar, elapsed time, steps done of the total, steps/s, time left and the detail (the loss). The
 * library redraws from its own thread a few times a second; {@link #update} only stores numbers.
 */
final class TerminalProgress implements Progress {

    private final ProgressBar bar;

    TerminalProgress(String task, long total, String unit) {
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed(new DecimalFormat("#,##0"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .build();
    }

    @Override
    public void update(long done, String detail) {
        bar.stepTo(done);
        bar.setExtraMessage(detail.isEmpty() ? "" : " " + detail);
    }

    @Override
    public void close() {
        bar.close();
    }
}
