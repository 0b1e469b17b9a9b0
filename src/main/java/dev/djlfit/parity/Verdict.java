package dev.djlfit.parity;

import java.util.List;
import java.util.Locale;

/**
 * Whether a port's run matches the reference within the tolerances.
 *
 * @param failures one line per check that failed; empty when it passed
 */
public record Verdict(List<String> failures) {

    public Verdict {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Adds a failure line unless {@code measured} is at most {@code tolerance} (NaN fails). */
    static void checkAtMost(List<String> failures, String what, double measured, double tolerance) {
        if (!(measured <= tolerance)) {
            failures.add(String.format(Locale.ROOT, "%s %.3e exceeds %.1e", what, measured, tolerance));
        }
    }
}
