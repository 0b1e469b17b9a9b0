package dev.djlfit.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.ReferenceUnavailableException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quickstart's training epoch in PyTorch ({@code src/reference/pytorch/quickstart_bench.py}),
 * in its own process, one intra-op thread, timed by parts as the kit's loop is.
 */
public final class QuickstartPyTorch {

    public static final String SCRIPT = "quickstart_bench.py";

    /**
     * What the script measured.
     *
     * @param torchVersion {@code torch.__version__}
     * @param blas {@code BLAS_INFO} from {@code torch.__config__.show()} ({@code generic} for Debian's 1.13)
     * @param epochBatches batches of a whole epoch
     * @param timing the batches trained (all, or the first {@code --pytorch-batches})
     */
    public record Run(String torchVersion, String blas, int threads, int epochBatches, EpochTiming timing) {

        /** The epoch's time: measured when it ran whole, else scaled from the batches it ran. */
        public double epochSeconds() {
            return timing.seconds() * epochBatches / timing.batches();
        }

        public boolean whole() {
            return timing.batches() == epochBatches;
        }

        public String describe() {
            return String.format(Locale.ROOT, "PyTorch %s, BLAS_INFO=%s, %d thread%s", torchVersion, blas, threads,
                    threads == 1 ? "" : "s");
        }
    }

    private QuickstartPyTorch() {}

    /**
     * @param batchLimit batches to train, 0 for the whole epoch
     * @throws ReferenceUnavailableException if the script failed or printed no result
     */
    public static Run run(PyTorchReference reference, Path data, int batchLimit) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        if (batchLimit > 0) {
            args.addAll(List.of("--batches", Integer.toString(batchLimit)));
        }
        String printed;
        try (PyTorchReference.Pending pending = reference.startScript(SCRIPT, args);
                ChildPeakMemory memory = ChildPeakMemory.watch(pending.process())) {
            printed = pending.output();
            return parse(printed, memory.megabytes());
        }
    }

    static Run parse(String printed, double peakMegabytes) {
        try {
            JsonObject o = JsonParser.parseString(printed.strip()).getAsJsonObject();
            JsonObject p = o.getAsJsonObject("parts");
            EpochTiming timing = new EpochTiming("pytorch", 1, o.get("batches").getAsInt(),
                    o.get("seconds").getAsDouble(),
                    new EpochTiming.Parts(p.get("data").getAsDouble(), p.get("forward").getAsDouble(),
                            p.get("backward").getAsDouble(), p.get("update").getAsDouble()),
                    peakMegabytes, -1);
            return new Run(o.get("torch").getAsString(), o.get("blas").getAsString(), o.get("threads").getAsInt(),
                    o.get("epoch_batches").getAsInt(), timing);
        } catch (RuntimeException e) {
            throw new ReferenceUnavailableException("the PyTorch quickstart bench printed no result: its output begins '"
                    + printed.strip().lines().findFirst().orElse("") + "'");
        }
    }
}
