package dev.djlfit.parity;

import java.util.List;

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
}
