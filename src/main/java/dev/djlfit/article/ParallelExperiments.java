package dev.djlfit.article;


import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent experiments side by side, one thread each up to a limit, and hands the results
 * back in the order given. Each thread has its own autograd state (PyTorch's grad mode is per
 * thread) and its own {@code NDManager}; only seeding the generator is serialised.
 */
public final class ParallelExperiments {

    private final ExperimentRunner runner;
    private final int threads;

    public ParallelExperiments(ExperimentRunner runner, int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.runner = runner;
        this.threads = threads;
    }

    /**
     * @param listeners a listener for each experiment (e.g. its progress bar)
     * @param inOrder called with each result as soon as it and all before it are done
     */
    public List<ExperimentResult> run(
            List<ExperimentSpec> specs,
            TrainingSettings config,
            Function<ExperimentSpec, TrainingObserver> listeners,
            Consumer<ExperimentResult> inOrder) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, specs.size())));
        try {
            List<Future<ExperimentResult>> pending = new ArrayList<>();
            for (ExperimentSpec spec : specs) {
                pending.add(pool.submit(() -> runner.run(spec, config, listeners.apply(spec))));
            }
            List<ExperimentResult> results = new ArrayList<>();
            for (Future<ExperimentResult> future : pending) {
                ExperimentResult result = await(future);
                inOrder.accept(result);
                results.add(result);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExperimentResult await(Future<ExperimentResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an experiment", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
