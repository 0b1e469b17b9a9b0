package dev.djlfit.cli;

import dev.djlfit.program.TraceJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The command line's outputs: checked before training, written as what is at the path asks, nothing else touched. */
class OutputSafetyCliTest {

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertRefusedBeforeTraining(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + expected, run.err().strip());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void everyOutputIsCheckedBeforeTrainingAndABadOneCreatesNothing() throws IOException {
        Path out = dir.resolve("out");
        Path file = Files.writeString(dir.resolve("afile.txt"), "mine");
        assertRefusedBeforeTraining(CliRun.of("train", "--steps", "100000", "--out", file.toString()),
                "--out " + file + ": is a file, not a folder");
        assertRefusedBeforeTraining(CliRun.of("train", "--steps", "100000", "--out", out.toString(),
                "--json", file.resolve("x.json").toString()),
                "--json " + file.resolve("x.json") + ": " + file + " is a file, not a folder");
        assertRefusedBeforeTraining(CliRun.of("train", "--steps", "100000", "--out", out.toString(),
                "--save", file.toString()), "--save " + file + ": is a file, not a folder");
        Path plots = Files.createDirectories(dir.resolve("plots"));
        Files.createDirectories(plots.resolve("tanh-quadratic-tanh-h10-seed0-fit.png"));
        assertRefusedBeforeTraining(CliRun.of("train", "--steps", "100000", "--out", plots.toString()),
                "--out " + plots + ": tanh-quadratic-tanh-h10-seed0-fit.png: is a folder, not a file");
        assertRefusedBeforeTraining(CliRun.of("sweep", "--steps", "100000", "--out", out.toString(), "--json",
                dir.resolve("q".repeat(260)).toString()), "--json " + dir.resolve("q".repeat(260)).toString()
                        .substring(0, 60) + "..." + "q".repeat(40) + ": a name in it is 260 bytes, longer than the"
                        + " file system's limit of 255 (File name too long)");
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of("afile.txt", "plots"), names(dir), "no --out folder was created");
    }

    @Test
    void aDivergedRunLeavesNoFoldersBehind() throws IOException {
        Path save = dir.resolve("a").resolve("b").resolve("m");
        CliRun run = CliRun.of("train", "--function", "100*x^2", "--x", "0:10:1", "--model", "linear", "--lr", "0.5",
                "--steps", "1000", "--quiet", "--save", save.toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(List.of(), names(dir), "neither a/b nor the --out folder");
    }

    @Test
    void saveAndOutInOneFolderKeepTheUsersFiles() throws IOException {
        Path model = dir.resolve("model");
        assertEquals(0, CliRun.of("train", "--steps", "50", "-q", "--save", model.toString(),
                "--out", model.toString()).exitCode());
        Files.writeString(model.resolve("NOTES.txt"), "mine");
        Files.createDirectories(model.resolve("plots"));
        CliRun again = CliRun.of("train", "--steps", "60", "-q", "--save", model.toString(), "--out", model.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("mine", Files.readString(model.resolve("NOTES.txt")));
        assertEquals(List.of("NOTES.txt", "model.json", "net-0001.params", "plots",
                "tanh-quadratic-tanh-h10-seed0-50steps-fit.png", "tanh-quadratic-tanh-h10-seed0-50steps-loss.png",
                "tanh-quadratic-tanh-h10-seed0-60steps-fit.png", "tanh-quadratic-tanh-h10-seed0-60steps-loss.png"),
                names(model));
    }

    @Test
    void jsonThroughALinkToADeviceAndToTheStandardOutput() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        Path out = dir.resolve("out");
        CliRun viaLink = CliRun.of("train", "--steps", "20", "-q", "--out", out.toString(), "--json", link.toString());
        assertEquals(0, viaLink.exitCode(), viaLink.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(20, TraceJson.read(real).steps());

        CliRun toNull = CliRun.of("train", "--steps", "20", "-q", "--out", out.toString(), "--json", "/dev/null");
        assertEquals(0, toNull.exitCode(), toNull.err());
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");

        CliRun toFull = CliRun.of("train", "--steps", "20", "-q", "--out", out.toString(), "--json", "/dev/full");
        assertEquals(2, toFull.exitCode());
        assertTrue(toFull.err().endsWith("error: --json /dev/full: cannot write /dev/full (No space left on device)\n"),
                toFull.err());

        CliRun toStdout = CliRun.of("train", "--steps", "20", "-q", "--out", out.toString(), "--json", "-");
        assertEquals(0, toStdout.exitCode(), toStdout.err());
        assertEquals(20, TraceJson.parse(toStdout.out(), "stdout").steps(), "stdout holds the JSON alone");
        assertTrue(toStdout.err().contains("initial parameters"), "the report went to stderr");
        assertEquals(List.of("link.json", "out", "real.json"), names(dir));
    }

    @Test
    void walkthroughAndSweepWriteTheirResultsAsJson() throws IOException {
        Path walk = dir.resolve("walk.json");
        CliRun walkthrough = CliRun.of("walkthrough", "--steps", "10", "-q", "--out", dir.resolve("w").toString(),
                "--json", walk.toString());
        assertEquals(0, walkthrough.exitCode(), walkthrough.err());
        JsonObject runs = JsonParser.parseString(Files.readString(walk)).getAsJsonObject();
        assertEquals(4, runs.getAsJsonArray("runs").size());
        assertEquals("deep-quadratic", TraceJson.parse(runs.getAsJsonArray("runs").get(3).toString(), "walk.json").program());

        Path sweepJson = dir.resolve("sweep.json");
        CliRun sweep = CliRun.of("sweep", "--steps", "10", "--seeds", "3", "--first-seed", "5", "--hidden", "2",
                "--depths", "2", "--activations", "tanh,relu", "-q", "--out", dir.resolve("s").toString(),
                "--json", sweepJson.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        JsonObject s = JsonParser.parseString(Files.readString(sweepJson)).getAsJsonObject();
        assertEquals(2, s.getAsJsonArray("configurations").size());
        JsonObject relu = s.getAsJsonArray("configurations").get(1).getAsJsonObject();
        assertEquals("relu-h2-d2", relu.get("name").getAsString());
        assertEquals(List.of(5, 6, 7), relu.getAsJsonArray("seeds").asList().stream()
                .map(e -> e.getAsJsonObject().get("seed").getAsInt()).toList());
    }

    /** What goes to a full standard output is lost: that is an error, not exit 0. */
    @Tag("external")
    @Test
    void aStandardOutputThatCannotBeWrittenIsAnError() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
        Path model = dir.resolve("model");
        assertEquals(0, CliRun.of("train", "--steps", "3", "-q", "--out", dir.resolve("out").toString(),
                "--save", model.toString()).exitCode());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> args : List.of(List.of("predict", "--from", model.toString(), "--x", "0:100:0.5"),
                List.of("tutorial", "polynomial-nn", "--steps", "3", "--no-report"))) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "dev.djlfit.cli.Main"));
            command.addAll(args);
            Path err = dir.resolve("err.txt");
            Process p = new ProcessBuilder(command).redirectOutput(full.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), args + " took over 2 minutes");
            String said = Files.readString(err);
            assertEquals(2, p.exitValue(), args + ": " + said);
            assertEquals("error: the standard output is incomplete: No space left on device", said.strip(), args.toString());
        }
    }

    /** A --json (or a saved model.json) replaced for its owner stays its owner's, with its mode. */
    @Test
    void aReplacedFileKeepsItsOwnerGroupAndMode() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a file to another user to replace");
        Path json = Files.writeString(dir.resolve("theirs.json"), "{}");
        Path model = dir.resolve("model");
        assertEquals(0, CliRun.of("train", "--steps", "3", "-q", "--out", dir.resolve("out").toString(),
                "--save", model.toString()).exitCode());
        Path description = model.resolve("model.json");
        for (Path p : List.of(json, description)) {
            Files.setAttribute(p, "unix:uid", 4321);
            Files.setAttribute(p, "unix:gid", 4322);
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        }
        CliRun run = CliRun.of("train", "--steps", "3", "-q", "--out", dir.resolve("out").toString(),
                "--json", json.toString(), "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (Path p : List.of(json, description)) {
            assertTrue(Files.readString(p).length() > 2, p + " was replaced");
            assertEquals(4321, Files.getAttribute(p, "unix:uid"), p.toString());
            assertEquals(4322, Files.getAttribute(p, "unix:gid"), p.toString());
            assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
