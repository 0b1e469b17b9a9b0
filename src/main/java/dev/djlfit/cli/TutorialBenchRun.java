package dev.djlfit.cli;

import dev.djlfit.bench.BenchResult;
import dev.djlfit.bench.TutorialBench;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;
import dev.djlfit.tutorials.Tutorial;
import dev.djlfit.tutorials.Tutorials;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code bench --tutorial NAME|all}: each port's loop against its reference, with the ratio. */
final class TutorialBenchRun {

    private final PrintWriter out;
    private final Path python;
    private final int repeats;

    /** @param python the Python with PyTorch, or null for the Java loops only */
    TutorialBenchRun(PrintWriter out, Path python, int repeats) {
        this.out = out;
        this.python = python;
        this.repeats = repeats;
    }

    int run(String name, int steps) {
        List<Tutorial> chosen = name.equals("all") ? Tutorials.all() : List.of(TutorialCommand.tutorial(name));
        PyTorchReference reference = null;
        if (python != null) {
            try {
                reference = PyTorchReference.locate(python);
                out.println("reference: src/reference/pytorch/tutorials.py on PyTorch " + reference.torchVersion()
                        + " (" + python + ", one thread)");
            } catch (ReferenceUnavailableException e) {
                out.println("reference: not timed: " + e.getMessage());
                reference = null;
            }
        }
        out.printf(Locale.ROOT, "in-loop time per step, median of %d runs (Java and PyTorch alternating), seed 0%n",
                repeats);
        out.flush();
        TutorialBench bench = new TutorialBench(reference, repeats);
        List<List<BenchResult>> all = new ArrayList<>();
        for (Tutorial tutorial : chosen) {
            List<BenchResult> results = bench.measure(tutorial, tutorial.steps(steps));
            results.forEach(r -> out.println(r.line()));
            if (results.size() == 2) {
                out.printf(Locale.ROOT, "RATIO %s java/pytorch=%.2f%n", tutorial.name(),
                        results.get(0).median() / results.get(1).median());
            }
            out.flush();
            all.add(results);
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %8s %14s %14s %12s%n", "tutorial", "steps", "java µs/step", "pytorch µs/step",
                "java/pytorch");
        for (List<BenchResult> r : all) {
            boolean both = r.size() == 2;
            out.printf(Locale.ROOT, "%-28s %8d %14.1f %14s %12s%n", r.get(0).experiment(), r.get(0).steps(),
                    r.get(0).median(), both ? String.format(Locale.ROOT, "%.1f", r.get(1).median()) : "-",
                    both ? String.format(Locale.ROOT, "%.2f", r.get(0).median() / r.get(1).median()) : "-");
        }
        out.flush();
        return 0;
    }
}
