package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a program that uses the kit gets at start-up, each in a fresh JVM with a consumer's class
 * path ({@link ConsumerJvm}): the same libtorch thread count whichever it makes first, an
 * {@code NDManager} or a kit call, and nothing on stderr.
 */
class KitStartupTest {

    /**
     * libtorch's own default is the machine's core count, so where the kit's setting is lost the
     * count read back differs from 1 (on a one-core machine the two orders cannot be told apart).
     */
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void theKitsThreadCountHoldsWhicheverComesFirst() {
        ConsumerJvm.Result managerFirst = ConsumerJvm.run(KitFirstUse.class, NO_ENVIRONMENT, List.of(), "manager-first");
        ConsumerJvm.Result kitFirst = ConsumerJvm.run(KitFirstUse.class, NO_ENVIRONMENT, List.of(), "kit-first");
        assertEquals(0, managerFirst.exitCode(), managerFirst.stderr());
        assertEquals(0, kitFirst.exitCode(), kitFirst.stderr());
        assertEquals("1 1", kitFirst.stdout().strip(), "intra-op threads on the main thread and a new one, kit first");
        assertEquals("1 1", managerFirst.stdout().strip(), "the same with the NDManager made first");
    }

    @Test
    void aThreadCountSetWithDashDWins() {
        ConsumerJvm.Result managerFirst = ConsumerJvm.run(KitFirstUse.class, NO_ENVIRONMENT,
                List.of("-Dai.djl.pytorch.num_threads=2"), "manager-first");
        assertEquals(0, managerFirst.exitCode(), managerFirst.stderr());
        assertEquals("2 2", managerFirst.stdout().strip());
    }

    @Test
    void loadingAStateDictPrintsNothingOnStderr() {
        ConsumerJvm.Result run = ConsumerJvm.run(KitFirstUse.class, Map.of(), List.of(), "load-state");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr(), "stderr of a program that loads a state dict");
        assertEquals("true", run.stdout().strip().split(" ")[0], "the loaded model's state dict is the source's: " + run.stdout());
    }
}
