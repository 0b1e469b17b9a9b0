package dev.djlfit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.djlfit.experiment.ResultJson;
import dev.djlfit.model.TensorValues;
import dev.djlfit.training.LossPoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void writesAtomicallyWithTheUsualPermissionsAndNoLeftovers() throws IOException {
        OutputFolder folder = OutputFolder.open(dir.resolve("out"));
        Path written = folder.writeText("a.txt", "first");
        folder.writeText("a.txt", "second");
        assertEquals("second", Files.readString(written));
        try (var files = Files.list(folder.dir())) {
            assertEquals(List.of(written), files.toList(), "no temporary file left behind");
        }
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written),
                "a written file has the permissions any new file gets here (the umask's), not owner-only");
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNothingElse(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("run.json");
        Files.writeString(file, "old");
        ResultJson json = new ResultJson("linear-linear", 0, 1, 0.01, 10, null, "test", Map.of(), Map.of(),
                List.of(new LossPoint(0, 26f)), TensorValues.vector(0), TensorValues.vector(1), 0.5);
        OutputFolder.writeFile(file, json.toJson() + "\n");
        assertEquals(json, ResultJson.parse(Files.readString(file)));
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList());
        }
    }
}
