package dev.djlfit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
