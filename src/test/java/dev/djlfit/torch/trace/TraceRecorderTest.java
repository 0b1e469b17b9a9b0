package dev.djlfit.torch.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.program.Trace;
import dev.djlfit.program.TraceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The kit's recorder writes what the app's trace reader reads back, number for number. */
class TraceRecorderTest {

    @Test
    void theAppReadsBackEveryParameterBitForBitAndEveryRecord() {
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(3);
            Linear model = new Linear(m, 3, 2);
            Map<String, TensorValues> before = model.stateDict();
            TraceRecorder recorder = new TraceRecorder("my \"own\" program", 3).initial(before);
            Torch.fill_(model.bias(), 0.1);
            NDArray labels = m.create(new long[] {7, 0, 3, 3}, new ai.djl.ndarray.types.Shape(2, 2));
            recorder.loss(0, 1.0 / 3).loss(99, Float.MIN_VALUE).test(1, 0.640625, 0.9876543210123)
                    .value("labels", labels).value("indices", new long[] {59999, 1}).value("rmse", 0.1)
                    .value("curve", new double[] {1e-300, -2.5});
            Trace back = TraceJson.parse(recorder.finish(model.stateDict()).epochs(1).result("Done!").toJson(), "test");

            assertEquals("my \"own\" program", back.program());
            assertEquals(3, back.seed());
            assertEquals(100, back.steps(), "the last logged step + 1");
            assertEquals(1, back.epochs());
            assertEquals(before, back.initialParameters());
            assertEquals(model.stateDict(), back.finalParameters());
            assertEquals(List.of(new Trace.PrintedLoss(0, (float) (1.0 / 3)), new Trace.PrintedLoss(99, Float.MIN_VALUE)),
                    back.losses());
            assertEquals(List.of(new Trace.TestResult(1, 0.640625, 0.9876543210123)), back.tests());
            assertEquals(List.of("labels", "indices", "rmse", "curve"), List.copyOf(back.values().keySet()));
            assertEquals(new Trace.NamedValue(new long[] {2, 2}, new double[] {7, 0, 3, 3}), back.values().get("labels"));
            assertEquals(new Trace.NamedValue(new long[] {2}, new double[] {59999, 1}), back.values().get("indices"));
            assertEquals(new Trace.NamedValue(new long[0], new double[] {0.1}), back.values().get("rmse"));
            assertEquals(new Trace.NamedValue(new long[] {2}, new double[] {1e-300, -2.5}), back.values().get("curve"));
            assertEquals("Done!", back.result());
            assertEquals(Torch.engineDescription(), back.engine());
        }
    }

    @Test
    void integersAreWrittenAsIntegersAsPythonWritesThem() {
        String json = recorded().value("indices", new long[] {3, 1}).finish(Map.of()).toJson();
        assertTrue(json.contains("\"indices\": [3, 1]"), json);
    }

    @Test
    void stepsGivenWinOverTheLastLoggedStep() {
        Trace back = TraceJson.parse(recorded().loss(9, 1).steps(64).finish(Map.of()).toJson(), "test");
        assertEquals(64, back.steps());
    }

    @Test
    void wrongUseIsRefusedWithWhatToDo() {
        assertThrows(IllegalStateException.class, () -> new TraceRecorder("p", 1).finish(Map.of()));
        assertThrows(IllegalStateException.class, () -> recorded().toJson());
        assertThrows(IllegalArgumentException.class, () -> recorded().value("a", 1).value("a", 2));
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder("", 1));
    }

    @Test
    void writeReplacesAFileWholeAndLeavesNoTemporaryFile(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("java.json");
        Files.writeString(target, "old");
        recorded().finish(Map.of()).write(target);
        assertEquals("p", TraceJson.read(target).program());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList());
        }
        Path missing = folder.resolve("missing/java.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> recorded().finish(Map.of()).write(missing));
        assertTrue(e.getMessage().startsWith("cannot write the trace " + missing), e.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    private static TraceRecorder recorded() {
        return new TraceRecorder("p", 1).initial(new LinkedHashMap<>());
    }
}
