package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.djlfit.article.data.CsvData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.article.ExperimentResult;
import dev.djlfit.article.ExperimentRunner;
import dev.djlfit.article.Experiments;
import dev.djlfit.article.saving.SavedModels;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.ModelKind;
import dev.djlfit.article.saving.SaveTarget;
import dev.djlfit.article.OptimizerKind;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The user's own data on the command line: every bad input refused clearly, save and predict. */
class UserDataCliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit code 2, one line on stderr naming the problem, no stack trace, nothing on stdout. */
    static void assertBadInput(Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out(), "nothing printed before the error");
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Run train(String... args) {
        List<String> all = new ArrayList<>(List.of("train", "--steps", "50"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    // --- bad data files ---

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.csv");
        assertBadInput(train("--data", missing.toString()), "data file " + missing + " does not exist");
    }

    @Test
    void unreadableFile() throws IOException {
        assertBadInput(train("--data", dir.toString()), "is a directory, not a CSV file");
        Path secret = csv("secret.csv", "0,1\n1,2\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "root reads every file: the permission case needs another user");
        assertBadInput(train("--data", secret.toString()), "cannot read data file " + secret + ": permission denied");
    }

    @Test
    void emptyFile() throws IOException {
        assertBadInput(train("--data", csv("empty.csv", "").toString()), "empty.csv is empty");
        assertBadInput(train("--data", csv("header.csv", "x,y\n\n# no rows\n").toString()),
                "header.csv has no data rows (only a header)");
    }

    @Test
    void rowWithOneColumn() throws IOException {
        assertBadInput(train("--data", csv("one.csv", "x,y\n0,1\n1,3\n5\n").toString()),
                "one.csv line 4: 1 column (\"5\"); expected 2, x and y");
    }

    @Test
    void rowWithThreeColumns() throws IOException {
        assertBadInput(train("--data", csv("three.csv", "0;1\n1;3;4\n").toString()),
                "three.csv line 2: 3 columns (\"1;3;4\"); expected 2, x and y");
    }

    @Test
    void nonNumericCellNamesItsLine() throws IOException {
        assertBadInput(train("--data", csv("text.csv", "x,y\n0,1\n1,3\n2,five\n").toString()),
                "text.csv line 4, y is not a number: 'five'");
    }

    @Test
    void nanAndInfiniteValues() throws IOException {
        assertBadInput(train("--data", csv("nan.csv", "0,1\n1,nan\n").toString()),
                "nan.csv line 2, y is nan; only finite numbers can be fitted");
        assertBadInput(train("--data", csv("inf.csv", "0,1\nInfinity,2\n").toString()),
                "inf.csv line 2, x is Infinity; only finite numbers can be fitted");
        assertBadInput(train("--data", csv("huge.csv", "0,1\n1,4e38\n").toString()),
                "huge.csv line 2, y is 4e38, too large for the net's 32-bit floats");
    }

    @Test
    void fewerThanTwoPoints() throws IOException {
        assertBadInput(train("--data", csv("single.csv", "x,y\n1,2\n").toString()),
                "single.csv has 1 point; at least 2 are needed to fit a function");
        assertBadInput(train("--function", "x^2", "--x", "3"),
                "--x 3 has 1 point; at least 2 are needed to fit a function");
    }

    @Test
    void allXEqual() throws IOException {
        assertBadInput(train("--data", csv("same.csv", "2,1\n2,3\n2,5\n").toString()),
                "same.csv: all 3 points have x = 2; x must vary to fit a function of x");
    }

    // --- formulas ---

    @Test
    void formulaThatDoesNotParse() {
        assertBadInput(train("--function", "3*x^", "--x", "0:3:1"), "--function '3*x^' does not parse");
        assertBadInput(train("--function", "2**x", "--x", "0:3:1"), "--function '2**x' does not parse");
        assertBadInput(train("--function", "sin(x", "--x", "0:3:1"), "--function 'sin(x' does not parse");
        assertBadInput(train("--function", "z*2", "--x", "0:3:1"),
                "--function 'z*2' does not parse: Unknown function or variable 'z'");
    }

    @Test
    void formulaUndefinedOnTheXGiven() throws IOException {
        assertBadInput(train("--function", "1/(x-2)", "--x", "0:3:1"), "--function '1/(x-2)' is undefined at x = 2");
        assertBadInput(train("--function", "sqrt(x)", "--x", "-1,0,1"), "--function 'sqrt(x)' is undefined at x = -1");
        assertBadInput(train("--function", "log(x)", "--x", "0:3:1"), "--function 'log(x)' is infinite at x = 0");
        Path data = csv("points.csv", "1,0\n2,0.69\n3,1.1\n");
        assertBadInput(train("--data", data.toString(), "--truth", "log(x-1.5)"),
                "--truth 'log(x-1.5)' is undefined at x = 1");
        assertBadInput(train("--data", data.toString(), "--truth", "log(x)", "--extrapolation", "-3:-1"),
                "--truth 'log(x)' is undefined at x = -");
    }

    @Test
    void xOptionsThatMakeNoSense() {
        assertBadInput(train("--function", "x^2"), "--function needs --x");
        assertBadInput(train("--x", "0:3:1"), "--x goes with --function");
        assertBadInput(train("--function", "x^2", "--x", "0:3:0"), "--x '0:3:0': STEP must not be 0");
        assertBadInput(train("--function", "x^2", "--x", "0:3:1", "--data", "linear"),
                "give either --data or --function, not both");
        assertBadInput(train("--data", "quadratic", "--truth", "x"), "--truth goes with --data FILE");
    }

    // --- training settings ---

    @Test
    void stepsNotPositive() {
        assertBadInput(run("train", "--steps", "0"), "--steps must be a positive whole number, got 0");
        assertBadInput(run("train", "--steps", "-5"), "--steps must be a positive whole number, got -5");
    }

    @Test
    void learningRateNotPositiveOrNotANumber() {
        assertBadInput(train("--lr", "0"), "--lr must be a positive number, got 0.0");
        assertBadInput(train("--lr", "-0.1"), "--lr must be a positive number, got -0.1");
        assertBadInput(train("--lr", "NaN"), "Invalid value for option '--lr': 'NaN' is not a number");
        assertBadInput(train("--lr", "fast"), "Invalid value for option '--lr': 'fast' is not a number");
        assertBadInput(train("--lr", "1e39"), "Invalid value for option '--lr': 1e39 is out of the range of a 32-bit float");
        assertBadInput(train("--lr", "1e-60"), "Invalid value for option '--lr': 1e-60 is too small for a 32-bit float");
    }

    @Test
    void hiddenNotPositive() {
        assertBadInput(train("--hidden", "0"), "--hidden must be a positive whole number, got 0");
    }

    @Test
    void unknownActivationModelOptimizerDevice() {
        assertBadInput(train("--activation", "swish"),
                "Invalid value for option '--activation': expected one of tanh, sigmoid, relu but was 'swish'");
        assertBadInput(train("--model", "wide"),
                "Invalid value for option '--model': expected one of linear, tanh, deep but was 'wide'");
        assertBadInput(train("--optimizer", "lbfgs"),
                "Invalid value for option '--optimizer': expected one of sgd, adam but was 'lbfgs'");
        assertBadInput(train("--device", "tpu"), "--device must be cpu, gpu, gpu:N or auto, got 'tpu'");
    }

    // --- saving ---

    @Test
    void saveIntoAFile() throws IOException {
        Path file = csv("notes.txt", "keep me");
        assertBadInput(train("--save", file.toString()), "--save " + file + ": is a file, not a folder");
        assertBadInput(train("--save", file.resolve("model").toString()), file + " is a file, not a folder");
        assertEquals("keep me", Files.readString(file));
        assertEquals(List.of(file), listing(), "nothing half-written next to it");
    }

    @Test
    void saveWhereNothingCanBeWritten() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(locked)) {
            assertBadInput(train("--save", locked.resolve("model").toString()), "(permission denied)");
        }
        // /proc takes no new directories, even from root.
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertBadInput(train("--save", "/proc/djl-fit-model"), "--save /proc/djl-fit-model: /proc takes no new files");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void saveIntoSomeoneElsesDirectory() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(photos.resolve("cat.jpg"), "meow");
        assertBadInput(train("--save", photos.toString()), "is a directory that is neither empty nor a saved model");
        assertEquals("meow", Files.readString(photos.resolve("cat.jpg")));
    }

    // --- predict ---

    @Test
    void predictFromMissingDirectory() {
        Path missing = dir.resolve("nothing");
        assertBadInput(run("predict", "--from", missing.toString(), "--x", "1"), "model directory " + missing + " does not exist");
        assertBadInput(run("predict", "--from", dir.toString(), "--x", "1"), "is not a saved model (it has no model.json");
    }

    @Test
    void predictFromCorruptDirectory() throws IOException {
        Path model = dir.resolve("model");
        assertEquals(0, train("--save", model.toString()).code());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("model.json"), "{\"format\": ");
        Files.copy(model.resolve("net-0000.params"), broken.resolve("net-0000.params"));
        assertBadInput(run("predict", "--from", broken.toString(), "--x", "1"), "model.json is corrupt");

        Path truncated = Files.createDirectories(dir.resolve("truncated"));
        Files.copy(model.resolve("model.json"), truncated.resolve("model.json"));
        byte[] params = Files.readAllBytes(model.resolve("net-0000.params"));
        Files.write(truncated.resolve("net-0000.params"), java.util.Arrays.copyOf(params, params.length / 2));
        assertBadInput(run("predict", "--from", truncated.toString(), "--x", "1"),
                "does not hold the 1→10→tanh→1 net that model.json describes (it ends too early: truncated)");

        Path missingParams = Files.createDirectories(dir.resolve("halfway"));
        Files.copy(model.resolve("model.json"), missingParams.resolve("model.json"));
        assertBadInput(run("predict", "--from", missingParams.toString(), "--x", "1"),
                "is incomplete: net-0000.params is missing");
    }

    @Test
    void predictFromADifferentArchitecture() throws IOException {
        Path tanh = dir.resolve("tanh");
        Path deep = dir.resolve("deep");
        assertEquals(0, train("--save", tanh.toString()).code());
        assertEquals(0, train("--model", "deep", "--hidden", "4", "--save", deep.toString()).code());
        Files.copy(deep.resolve("net-0000.params"), tanh.resolve("net-0000.params"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertBadInput(run("predict", "--from", tanh.toString(), "--x", "1"),
                "the file is from a net of another architecture than 1→10→tanh→1");
        String json = Files.readString(deep.resolve("model.json")).replace("\"sigmoid\"", "\"x\"").replace("\"tanh\"", "\"swish\"");
        Files.writeString(deep.resolve("model.json"), json);
        assertBadInput(run("predict", "--from", deep.toString(), "--x", "1"), "names an unknown activation 'swish'");
    }

    // --- divergence ---

    @Test
    void divergenceStopsWithTheStepAndAdvice() throws IOException {
        Path model = dir.resolve("model");
        assertEquals(0, train("--save", model.toString()).code());
        byte[] before = Files.readAllBytes(model.resolve("net-0000.params"));
        Run r = run("train", "--function", "100*x^2", "--x", "0:10:1", "--model", "linear", "--lr", "0.5",
                "--steps", "1000", "--save", model.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().matches("(?s)error: training diverged at step \\d+: loss .*; try a smaller --lr"
                + " \\(learning rate\\), or --normalize for data of large scale\\s*"), r.err());
        assertArrayEquals(before, Files.readAllBytes(model.resolve("net-0000.params")), "the earlier model is intact");
        assertEquals(List.of(model), listing(), "no staging directory left behind");
    }

    // --- what works ---

    @Test
    void formulaReproducesTheArticlesDataAndRun() {
        Run formula = run("train", "--function", "3*x^2 + 2*x + 1", "--x", "0:3:1", "--steps", "200",
                "--probes", "2.5,10", "--extrapolation", "3:10");
        Run article = run("train", "--data", "quadratic", "--steps", "200");
        assertEquals(0, formula.code(), formula.err());
        assertEquals(0, article.code(), article.err());
        assertTrue(formula.out().contains("data = [[0, 1], [1, 6], [2, 17], [3, 34]]"), formula.out());
        assertEquals(afterTraining(article.out()), afterTraining(formula.out()),
                "the same points, seed and steps give the same net, predictions and report");
    }

    /** The run's output from "final parameters" to the plots, without the names that differ. */
    private static String afterTraining(String out) {
        String tail = out.substring(out.indexOf("final parameters"), out.indexOf("files written"));
        return tail.replace("y = 3*x^2 + 2*x + 1", "y = 3x^2 + 2x + 1");
    }

    @Test
    void csvOfThousandsOfPointsWithoutTruth() throws IOException {
        StringBuilder text = new StringBuilder("# y = 500 sin(x / 100) + 1000, x in 0..3000\nx;y\n");
        for (int i = 0; i < 3000; i++) {
            text.append(String.format(Locale.ROOT, "%d;%.6f%n", i, 500 * Math.sin(i / 100.0) + 1000));
        }
        Path data = csv("wave.csv", text.toString());
        Run r = run("train", "--data", data.toString(), "--normalize", "--optimizer", "adam", "--lr", "0.01",
                "--steps", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("data = [[0, 1000], [1, 1004.99994], [2, 1009.9993], ..., [2997, "), r.out());
        assertTrue(r.out().contains("[2999, 505.23764]] (3000 points)"), r.out());
        assertTrue(r.out().contains("training: 100 steps of Adam (lr=0.01)"));
        assertTrue(r.out().contains("normalized: the net sees (x - 1499.5000) / 866.0254"), r.out());
        assertTrue(r.out().contains("extrapolation: no true function is known for this data"), r.out());
        assertTrue(r.out().contains("        ...,\n"), "the 3000-row prediction is summarised as PyTorch does");
        Matcher loss = Pattern.compile("loss ([0-9.e+-]+) -> ([0-9.e+-]+)").matcher(r.out());
        assertTrue(loss.find(), r.out());
        double first = Double.parseDouble(loss.group(1));
        double last = Double.parseDouble(loss.group(2));
        assertTrue(last < first, "loss fell from " + first + " to " + last);
    }

    @Test
    void truthGivesErrorsOverTheDataRanges() throws IOException {
        Path data = csv("line.csv", "x,y\n0,1\n1,3\n2,5\n3,7\n");
        Run r = run("train", "--data", data.toString(), "--truth", "2*x + 1", "--model", "linear", "--steps", "2000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("extrapolation against the truth y = 2*x + 1:"), r.out());
        assertTrue(r.out().contains("RMSE over 0 ≤ x ≤ 3 (interpolation)"), r.out());
        assertTrue(r.out().contains("RMSE over 3 < x ≤ 6 (extrapolation)"), r.out());
        assertTrue(r.out().contains("equivalent line: y = 2.0"), r.out());
    }

    @Test
    void saveThenPredictPrintsTheNetsOwnPredictions() throws IOException {
        Path model = dir.resolve("model");
        Run trained = run("train", "--function", "3*x^2 + 2*x + 1", "--x", "0:3:1", "--steps", "500",
                "--save", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("saved: " + model), trained.out());
        assertEquals(List.of(model), listing());

        Run predicted = run("predict", "--from", model.toString(), "--x", "0:3:1");
        assertEquals(0, predicted.code(), predicted.err());
        List<String> lines = predicted.out().lines().toList();
        assertEquals(4, lines.size(), predicted.out());
        float[] printed = finalPrediction(trained.out());
        for (int i = 0; i < 4; i++) {
            String[] pair = lines.get(i).split(" ");
            assertEquals(i, Float.parseFloat(pair[0]));
            assertEquals(printed[i], Float.parseFloat(pair[1]), 5e-5, lines.get(i));
        }
        Run probes = run("predict", "--from", model.toString(), "--x", "2.5,10");
        assertEquals(2, probes.out().lines().count());
        assertTrue(probes.out().startsWith("2.5 "));
        assertTrue(probes.out().lines().toList().get(1).startsWith("10.0 "));
    }

    /** The four values of {@code final prediction ... tensor([[a], [b], [c], [d]], ...)}. */
    private static float[] finalPrediction(String out) {
        String block = out.substring(out.indexOf("final prediction"), out.indexOf("new prediction"));
        String ys = block.substring(block.indexOf(") tensor(") + 1);
        Matcher m = Pattern.compile("-?\\d+\\.\\d+").matcher(ys);
        float[] values = new float[4];
        for (int i = 0; i < 4; i++) {
            assertTrue(m.find(), block);
            values[i] = Float.parseFloat(m.group());
        }
        return values;
    }

    @Test
    void normalizedNetRoundTripsBitForBit() throws IOException {
        Path data = csv("scaled.csv", "x,y\n100,2000\n200,4500\n300,9000\n400,16000\n");
        DataPoints points = CsvData.read(data);
        TrainingSettings config = new TrainingSettings(200, 0.01f, 0, 100, OptimizerKind.ADAM, true);
        ExperimentResult result = new ExperimentRunner(Device.cpu(),
                Extrapolation.forData(points.minX(), points.maxX(), null, null, null))
                .run(Experiments.of(ModelKind.TANH, points, 8, Nonlinearity.RELU), config, TrainingObserver.NONE);
        Path model = dir.resolve("model");
        SavedModels.save(result, SaveTarget.prepare(model, "--save"));
        Run predicted = run("predict", "--from", model.toString(), "--x", "100,200,300,400");
        assertEquals(0, predicted.code(), predicted.err());
        float[] expected = result.finalPrediction().y().values();
        List<String> lines = predicted.out().lines().toList();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], Float.parseFloat(lines.get(i).split(" ")[1]), 0f, "x = " + points.x()[i]);
        }
        assertTrue(expected[3] > 1000, "predictions are in the data's units: " + expected[3]);
    }
}
