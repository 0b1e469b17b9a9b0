package dev.djlfit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What is at an output's path decides how it is written; nothing else is ever replaced. */
class OutputFileTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Outputs outputs = new Outputs(new PrintWriter(out, true), new PrintWriter(err, true));

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRegularFileIsReplacedWholeKeepingItsPermissionsAndNothingIsLeftBeside() throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        outputs.file("--json", file).writeText("new");
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("run.json"), names());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("later.json"));
        outputs.file("--json", link).writeText("through");
        outputs.file("--json", dangling).writeText("created");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("through", Files.readString(real));
        assertEquals("created", Files.readString(dir.resolve("later.json")));
        assertEquals(List.of("dangling.json", "later.json", "link.json", "real.json"), names());
    }

    @Test
    void characterDevicesAreWrittenDirectlyAndAFullOneIsAnError() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        assertEquals(devNull, outputs.file("--json", devNull).write(o -> o.write(new byte[100])));
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full) && !Files.isRegularFile(full));
        OutputFile toFull = outputs.file("--json", full);
        String message = assertThrows(CannotWriteException.class, () -> toFull.writeText("x")).getMessage();
        assertEquals("--json /dev/full: cannot write /dev/full (No space left on device)", message);
        assertFalse(Files.isRegularFile(full));
    }

    @Test
    void aFifoIsWrittenDirectly() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        outputs.file("--json", fifo).writeText("through the pipe");
        assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a FIFO");
    }

    @Test
    void theReportMovesToTheStandardErrorOnceAnOutputTakesTheStandardOutput() {
        outputs.report().println("before");
        outputs.file("--json", Path.of("-"));
        outputs.report().println("after");
        assertEquals("before\n", out.toString());
        assertEquals("after\n", err.toString());
    }

    @Test
    void dashAndDevStdoutAreTheStandardOutput() {
        OutputFile dash = outputs.file("--json", Path.of("-"));
        dash.writeText("{}\n");
        outputs.file("--json", Path.of("/dev/stdout")).writeText("[]\n");
        outputs.file("--json", Path.of("/dev/stderr")).writeText("e\n");
        assertEquals("{}\n[]\n", out.toString());
        assertEquals("e\n", err.toString());
    }

    @Test
    void whatCannotTakeAFileIsRefusedWhenChecked() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        assertEquals("--json " + folder + ": is a folder, not a file",
                assertThrows(CannotWriteException.class, () -> outputs.file("--json", folder)).getMessage());
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals("--json " + file.resolve("x.json") + ": " + file + " is a file, not a folder",
                assertThrows(CannotWriteException.class, () -> outputs.file("--json", file.resolve("x.json"))).getMessage());
        Path tooLong = dir.resolve("j".repeat(251) + ".json");
        assertTrue(assertThrows(CannotWriteException.class, () -> outputs.file("--json", tooLong)).getMessage()
                .endsWith("a name in it is 256 bytes, longer than the file system's limit of 255 (File name too long)"));
        Path missing = dir.resolve("missing").resolve("x.json");
        assertEquals(missing, outputs.file("--json", missing).path(), "a missing folder is made when written");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertEquals("--json /proc/x.json: /proc takes no new files (a virtual file system such as /proc?)",
                    assertThrows(CannotWriteException.class, () -> outputs.file("--json", Path.of("/proc/x.json")))
                            .getMessage());
        }
        Path block = dir.resolve("disk");
        Process mknod = new ProcessBuilder("mknod", block.toString(), "b", "7", "250").start();
        if (mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0) {
            assertEquals("--json " + block + ": is a block device (a disk); give a file",
                    assertThrows(CannotWriteException.class, () -> outputs.file("--json", block)).getMessage());
            Files.delete(block);
        }
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of("folder.json", "notes.txt"), names(), "the checks left nothing behind");
    }

    @Test
    void temporaryNamesStayShortForTheLongestNames() throws IOException {
        String longest = "p".repeat(251) + ".png";
        Folder folder = outputs.folder("--out", dir);
        Path written = folder.file(longest).write(o -> o.write(1));
        assertEquals(longest, written.getFileName().toString());
        assertEquals(List.of(longest), names());
    }

    @Test
    void aFolderIsCreatedAtTheFirstFileAndAFailedRunRemovesTheFoldersItMade() throws IOException {
        Path nested = dir.resolve("a").resolve("b").resolve("out");
        Folder folder = outputs.folder("--out", nested);
        assertEquals(List.of(), names(), "checking creates nothing");
        folder.create();
        assertTrue(Files.isDirectory(nested));
        outputs.close(); // a run that did not succeed
        assertEquals(List.of(), names(), "the folders it made are gone");

        Outputs succeeding = new Outputs(new PrintWriter(out), new PrintWriter(err));
        succeeding.folder("--out", nested).file("x.txt").writeText("x");
        succeeding.succeeded();
        succeeding.close();
        assertEquals("x", Files.readString(nested.resolve("x.txt")));
    }

    @Test
    void aLaterRunRemovesTheTemporaryFilesOfAKilledOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(dir.resolve(".djl-fit-" + gone.pid() + "-0badcafe.tmp"), "half");
        Path mine = Leftovers.temporaryIn(dir);
        Files.writeString(mine, "in progress");
        outputs.folder("--out", dir).file("plot.png").write(o -> o.write(2));
        assertFalse(Files.exists(stale), "the dead process's file is gone");
        assertTrue(Files.exists(mine), "a live process's file stays");
        Leftovers.delete(mine);
        assertEquals(List.of("plot.png"), names());
    }

    @Test
    void theReasonIsWhatTheSystemSaidUnderAWritersOwnWords() {
        IOException png = new javax.imageio.IIOException("I/O error writing PNG file!",
                new java.nio.file.FileSystemException("/x/fit.png", null, "No space left on device"));
        assertEquals("No space left on device", Reasons.of(png));
        assertEquals("permission denied", Reasons.of(new java.nio.file.AccessDeniedException("/x")));
    }
}
