package dev.djlfit.tutorials;

import dev.djlfit.extrapolation.PointError;
import dev.djlfit.program.ExtrapolationSummary;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a sin fit's extrapolation in the form of the article's report. */
public final class TutorialPrinter {

    private final PrintWriter out;

    public TutorialPrinter(PrintWriter out) {
        this.out = out;
    }

    public void printExtrapolation(ExtrapolationSummary report) {
        out.println("extrapolation against the truth y = sin(x), the fit " + report.model() + ":");
        out.println(String.format(Locale.ROOT, "  %8s %12s %12s %12s %10s", "x", "true", "predicted", "abs error",
                "rel error"));
        for (PointError p : report.probes()) {
            String relative = Math.abs(p.truth()) < 1e-6 ? "-" // sin(±2pi) is 0 up to float32 rounding
                    : String.format(Locale.ROOT, "%.2f%%", 100 * p.relativeError());
            out.println(String.format(Locale.ROOT, "  %8s %12.4f %12.4f %12.4f %10s",
                    multipleOfPi(p.x()), p.truth(), p.prediction(), p.absoluteError(), relative));
        }
        out.println(String.format(Locale.ROOT, "  RMSE over -pi <= x <= pi (interpolation): %.4f", report.insideRmse()));
        out.println(String.format(Locale.ROOT, "  RMSE over pi < |x| <= 2 pi (extrapolation): %.4f",
                report.outsideRmse()));
    }

    /** {@code -2pi}, {@code 1.5pi}: the probe as a person writes it. */
    static String multipleOfPi(double x) {
        double k = Math.round(x / Math.PI * 2) / 2.0;
        String n = k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
        return n + "pi";
    }
}
