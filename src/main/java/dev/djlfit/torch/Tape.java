package dev.djlfit.torch;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * This thread's record of {@link Function} applications, oldest first, and the backward pass
 * that continues through them (see {@link Function} for the scheme).
 */
final class Tape {

    private record Entry(Function function, FunctionContext ctx, NDArray[] inputs, NDArray output) {
        boolean released() {
            if (output.isReleased()) {
                return true;
            }
            for (NDArray input : inputs) {
                if (input.isReleased()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final ThreadLocal<List<Entry>> ENTRIES = ThreadLocal.withInitial(ArrayList::new);

    private Tape() {}

    static void record(Function function, FunctionContext ctx, NDArray[] inputs, NDArray output) {
        List<Entry> entries = ENTRIES.get();
        entries.removeIf(Entry::released);
        entries.add(new Entry(function, ctx, inputs.clone(), output));
    }

    /**
     * {@code input.backward(gradient)} where input is in a graph or a leaf requiring grad; nothing
     * for a tensor outside every graph (libtorch says so with an exception: there is no other way
     * to ask it whether a computed tensor is in a graph).
     */
    private static void continueInto(NDArray input, NDArray gradient) {
        try {
            JniUtils.backward((PtNDArray) input, (PtNDArray) gradient, true, false);
        } catch (EngineException e) {
            if (e.getMessage() == null || !e.getMessage().contains("does not require grad")) {
                throw e;
            }
        }
    }

    /** The function that computed {@code output}, while its entry waits for a backward pass; null otherwise. */
    static Function functionOf(NDArray output) {
        for (Entry entry : ENTRIES.get()) {
            if (entry.output() == output) {
                return entry.function();
            }
        }
        return null;
    }

    /** Entries not yet consumed by a backward pass on this thread (for tests of memory use). */
    static int size() {
        return ENTRIES.get().size();
    }

    /** Forgets the entries whose arrays have been freed (their step is over). */
    static void prune() {
        ENTRIES.get().removeIf(Entry::released);
    }

    /** {@code root.backward(seed)}, through libtorch's graph and every function on the tape. */
    static void backward(NDArray root, NDArray seed) {
        backward(root, seed, false);
    }

    /** The same, keeping libtorch's graph for another backward pass when {@code retainGraph}. */
    static void backward(NDArray root, NDArray seed, boolean retainGraph) {
        List<Entry> entries = ENTRIES.get();
        entries.removeIf(Entry::released);
        if (entries.isEmpty()) {
            JniUtils.backward((PtNDArray) root, (PtNDArray) seed, retainGraph, false);
            return;
        }
        JniUtils.backward((PtNDArray) root, (PtNDArray) seed, true, false);
        boolean[] consumed = new boolean[entries.size()];
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            PtNDArray gradOutput = JniUtils.getGradient((PtNDArray) entry.output());
            if (gradOutput == null) {
                continue;
            }
            consumed[i] = true;
            NDArray[] gradInputs = entry.function().runBackward(entry.ctx(), gradOutput);
            if (gradInputs.length != entry.inputs().length) {
                throw new IllegalStateException(entry.function().getClass().getSimpleName()
                        + ".backward returned " + gradInputs.length + " gradients for "
                        + entry.inputs().length + " inputs");
            }
            for (int k = 0; k < gradInputs.length; k++) {
                NDArray input = entry.inputs()[k];
                if (gradInputs[k] != null) {
                    continueInto(input, gradInputs[k]);
                }
            }
        }
        List<Entry> left = new ArrayList<>();
        for (int i = 0; i < consumed.length; i++) {
            if (!consumed[i]) {
                left.add(entries.get(i));
            }
        }
        entries.clear();
        entries.addAll(left);
    }
}
