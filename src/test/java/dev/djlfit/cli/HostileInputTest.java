package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generated hostile input: random bytes as CSV, random strings as option values, paths where
 * nothing can be written. Every case must end in exit 2 with at most 4 lines, no stack trace, and
 * nothing created or changed outside the output folder. Seeded, so a failure repeats.
 */
@Tag("slow")
class HostileInputTest {

    private static final int CASES = 240;
    private static final String HOSTILE = "0123456789.,;:-+eE xX\t\"'#[](){}/\\\\*^$%&|<>?=~`!é日本\u202e\u00a0\u0007🙂";
    /** At least one of these makes any value invalid for every option it is given to. */
    private static final String POISON = "@§\u0000¤¶";

    @TempDir
    Path sandbox;

    private Random random;
    private Path out;
    private Path aFile;

    @Test
    void everyCaseIsOneLineExitTwoAndChangesNothing() throws IOException {
        random = new Random(20261201);
        out = sandbox.resolve("out");
        aFile = Files.writeString(sandbox.resolve("notes.txt"), "mine");
        Files.createDirectories(sandbox.resolve("a folder"));
        Map<String, String> cwdBefore = listing(Path.of("").toAbsolutePath(), false);
        for (int i = 0; i < CASES; i++) {
            List<String> args = generate(i);
            Map<String, String> before = listing(sandbox, true);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String shown = "case " + i + ": " + args + "\n" + run.err() + run.out();
            assertEquals(2, run.exitCode(), shown);
            String all = run.out() + run.err();
            assertTrue(all.strip().lines().count() <= 4, shown);
            assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("java."), shown);
            assertEquals(before, listing(sandbox, true), "changed outside the output folder: " + shown);
        }
        assertEquals(cwdBefore, listing(Path.of("").toAbsolutePath(), false), "nothing new where the tests run");
    }

    /**
     * Two of a run's paths at one place, spelled differently (as given, through {@code ./} and
     * {@code ..}, a symbolic link, a hard link): refused before training, the data untouched.
     */
    @Test
    void twoPathsAtOnePlaceAreRefusedBeforeTraining() throws IOException {
        random = new Random(20261206);
        out = sandbox.resolve("out");
        Path data = Files.writeString(sandbox.resolve("pts.csv"), "1,2\n2,3\n3,5\n");
        Files.createSymbolicLink(sandbox.resolve("link.csv"), data.getFileName());
        Files.createLink(sandbox.resolve("hard.csv"), data);
        Files.createDirectories(sandbox.resolve("s"));
        Files.createSymbolicLink(sandbox.resolve("s-link"), Path.of("s"));
        for (int i = 0; i < 40; i++) {
            Map<String, String> before = listing(sandbox, true);
            List<String> args = new ArrayList<>(List.of("train", "-q", "--steps", "3"));
            String place;
            String[] pair;
            if (random.nextBoolean()) {
                place = "pts.csv";
                args.addAll(List.of("--data", spell(place)));
                pair = new String[] {"--json"}; // --out and --save at a file are refused as not folders
            } else {
                place = "s/m" + i;
                String folder = pick("--out", "--save"); // a folder and a file; two folders may be one
                boolean jsonFirst = random.nextBoolean();
                args.addAll(List.of(jsonFirst ? "--json" : folder, spell(place)));
                pair = new String[] {jsonFirst ? folder : "--json"};
            }
            args.addAll(List.of(pair[0], spell(place)));
            if (!args.contains("--out")) {
                args.addAll(List.of("--out", out.toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String shown = "case " + i + ": " + args + "\n" + run.err() + run.out();
            assertEquals(2, run.exitCode(), shown);
            assertEquals(1, run.err().strip().lines().count(), shown);
            assertTrue(run.err().contains("give another path"), shown);
            assertEquals(before, listing(sandbox, true), "changed: " + shown);
            assertEquals("1,2\n2,3\n3,5\n", Files.readString(data), shown);
        }
    }

    /** {@code --json} makes missing folders, as the docs say; a name that ends in / is a folder's, refused. */
    @Test
    void jsonMakesMissingFoldersAndRefusesAFolderName() throws IOException {
        Path deep = sandbox.resolve("a").resolve("b").resolve("c.json");
        CliRun made = CliRun.of("train", "-q", "--steps", "3", "--out", sandbox.resolve("out").toString(),
                "--json", deep.toString());
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(Files.readString(deep).startsWith("{"));
        CliRun folder = CliRun.of("train", "-q", "--steps", "3", "--out", sandbox.resolve("out").toString(),
                "--json", sandbox.resolve("newdir") + "/");
        assertEquals(2, folder.exitCode(), folder.err());
        assertTrue(folder.err().contains("names a folder (it ends in /)"), folder.err());
        assertFalse(Files.exists(sandbox.resolve("newdir")));
    }

    /**
     * The user's own files named as a save names its parameter files, in a new folder or beside a
     * saved model: a save refuses the folder or saves beside them, and never removes or changes one.
     */
    @Test
    void aSaveRemovesOnlyWhatItWrote() throws IOException {
        random = new Random(20261207);
        for (int i = 0; i < 6; i++) {
            Path model = sandbox.resolve("model" + i);
            boolean saved = i % 2 == 1;
            if (saved) {
                assertEquals(0, CliRun.of("train", "-q", "--steps", "3", "--out", sandbox.resolve("out").toString(),
                        "--save", model.toString()).exitCode());
            } else {
                Files.createDirectories(model);
            }
            Map<Path, String> mine = new TreeMap<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                Path p = model.resolve(String.format("net-%04d.params", random.nextInt(4)));
                if (!Files.exists(p)) {
                    mine.put(p, Files.writeString(p, "the user's " + random.nextInt()).toString());
                }
            }
            Map<Path, String> contents = new TreeMap<>();
            for (Path p : mine.keySet()) {
                contents.put(p, Files.readString(p));
            }
            CliRun run = CliRun.of("train", "-q", "--steps", "3", "--out", sandbox.resolve("out").toString(),
                    "--save", model.toString());
            String shown = "case " + i + " " + mine.keySet() + ": " + run.err();
            if (saved) {
                assertEquals(0, run.exitCode(), shown);
                assertEquals(0, CliRun.of("predict", "--from", model.toString(), "--x", "1").exitCode(), shown);
            } else {
                assertEquals(2, run.exitCode(), shown);
                assertTrue(run.err().contains("neither empty nor a saved model"), shown);
            }
            for (Map.Entry<Path, String> e : contents.entrySet()) {
                assertEquals(e.getValue(), Files.readString(e.getKey()), shown);
            }
        }
    }

    /**
     * Control characters, escape sequences and direction marks in the user's data, wherever it
     * is echoed (a CSV cell, a file name, a formula, an option's value, a program name): refused
     * with exit 2, and no such character reaches the terminal raw.
     */
    @Test
    void controlCharactersFromTheUsersDataNeverReachTheTerminal() throws IOException {
        random = new Random(20261208);
        String[] controls = {"\u001b[2J", "\u001b]0;owned\u0007", "\u0000", "\u0001", "\r", "\n", "\u007f",
            "\u009b31m", "\u202e", "\u2066", "\u200f", "\u0008\u0008"};
        for (int i = 0; i < 60; i++) {
            String c = pick(controls);
            String nameSafe = c.replace("\u0000", "\u0001");
            List<String> args = new ArrayList<>();
            switch (random.nextInt(7)) {
                case 0 -> args.addAll(List.of("train", "--data", Files.writeString(sandbox.resolve("c" + i + ".csv"),
                        "x,y\n1,2\n2," + c + "3\n").toString()));
                case 1 -> args.addAll(List.of("train", "--data", Files.writeString(
                        sandbox.resolve("c" + i + nameSafe + ".csv"), "1,2\n").toString()));
                case 2 -> args.addAll(List.of("train", "--function", "x" + c + "+1", "--x", "0:3:1"));
                case 3 -> args.addAll(List.of("train", pick("--lr", "--hidden", "--x", "--seed"), "1" + c + "0"));
                case 4 -> args.addAll(List.of("tutorial", "polynomial" + c + "-nn"));
                case 5 -> args.addAll(List.of("predict", "--from", sandbox.resolve("m" + nameSafe).toString(), "--x", "1"));
                default -> args.addAll(List.of("tutorial", "polynomial-nn", "--inputs", Files.writeString(
                        sandbox.resolve("t" + i + ".json"), "{\"program\": \"p" + c + "\", \"seed\": \"1" + c + "\"}")
                        .toString()));
            }
            List<String> quick = List.of("--steps", "3", "-q", "--out", sandbox.resolve("out").toString());
            args.addAll(switch (args.get(0)) {
                case "train" -> quick;
                case "tutorial" -> quick.subList(0, 2);
                default -> List.of();
            });
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String all = run.out() + run.err();
            String shown = "case " + i + ": " + dev.djlfit.terminal.TerminalSafe.text(args + " -> " + all);
            assertEquals(2, run.exitCode(), shown);
            String[] lines = all.split("\n", -1);
            for (String line : lines) {
                assertTrue(line.codePoints().noneMatch(dev.djlfit.terminal.TerminalSafe::unsafe), "raw control: " + shown);
            }
            assertEquals(1, all.strip().lines().count(), shown);
        }
    }

    /**
     * One number grammar (the digits 0-9, as data files have it) and one list grammar (no empty
     * item, a trailing comma included) for every option: other scripts' digits and stray commas
     * are refused, not read or dropped.
     */
    @Test
    void numbersAndListsFollowOneGrammarInEveryOption() {
        random = new Random(20261209);
        String[] zeros = {"\u0660", "\uff10", "\u0966", "\u09e6", "\u0e50", "\ud835\udfce"};
        for (int i = 0; i < 40; i++) {
            List<String> args = new ArrayList<>();
            String value;
            if (random.nextBoolean()) {
                String digits = Integer.toString(2 + random.nextInt(50));
                int at = random.nextInt(digits.length());
                String zero = pick(zeros);
                value = digits.substring(0, at) + new String(Character.toChars(zero.codePointAt(0)
                        + (digits.charAt(at) - '0'))) + digits.substring(at + 1);
                String option = pick("train --steps", "train --hidden", "train --seed", "sweep --seeds",
                        "sweep --first-seed", "sweep --threads", "sweep --hidden", "sweep --depths", "bench --repeats");
                args.addAll(List.of(option.split(" ")));
                args.add(value);
            } else {
                String option = pick("--hidden", "--depths", "--activations");
                List<String> items = switch (option) {
                    case "--activations" -> List.of("tanh", "relu");
                    case "--depths" -> List.of("2", "3");
                    default -> List.of("2", "10");
                };
                String list = String.join(",", items.subList(0, 1 + random.nextInt(2)));
                value = switch (random.nextInt(3)) {
                    case 0 -> list + ",";
                    case 1 -> "," + list;
                    default -> list.replaceFirst("$", ",," + items.get(1));
                };
                args.addAll(List.of("sweep", option, value));
            }
            if (args.get(0).equals("bench")) {
                args.addAll(List.of("--no-python", "--steps", "3", "--warmup", "0", "--experiments", "linear-linear"));
            } else {
                args.addAll(List.of("--steps", "3", "-q", "--out", sandbox.resolve("out").toString())
                        .subList(args.contains("--steps") ? 2 : 0, 5));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String shown = "case " + i + ": " + args + " -> " + run.err() + run.out();
            assertEquals(2, run.exitCode(), shown);
            assertTrue(run.err().contains("Invalid value for option"), shown);
        }
    }

    /** A model.json whose model kind is unknown, or not the one its widths make, is refused by predict. */
    @Test
    void predictRefusesAModelKindThatIsUnknownOrContradictsTheWidths() throws IOException {
        Path model = sandbox.resolve("model");
        assertEquals(0, CliRun.of("train", "-q", "--steps", "3", "--out", sandbox.resolve("out").toString(),
                "--save", model.toString()).exitCode());
        Path json = model.resolve("model.json");
        String good = Files.readString(json);
        assertTrue(good.contains("\"model\": \"tanh\""), good);
        for (String kind : List.of("linear", "deep", "custom", "transformer", "TANH", "")) {
            Files.writeString(json, good.replace("\"model\": \"tanh\"", "\"model\": \"" + kind + "\""));
            CliRun run = CliRun.of("predict", "--from", model.toString(), "--x", "1");
            assertEquals(2, run.exitCode(), kind + ": " + run.err() + run.out());
            assertTrue(run.err().contains("model kind '" + kind + "'"), run.err());
        }
        Files.writeString(json, good);
        assertEquals(0, CliRun.of("predict", "--from", model.toString(), "--x", "1").exitCode());
    }

    /** {@code place} (relative to the sandbox) spelled one of several ways that all lead there. */
    private String spell(String place) {
        boolean file = place.equals("pts.csv");
        return switch (random.nextInt(4)) {
            case 0 -> sandbox.resolve(place).toString();
            case 1 -> sandbox + "/./s/../" + place;
            case 2 -> file ? sandbox.resolve("link.csv").toString() : sandbox.resolve("s-link").resolve(place.substring(2)).toString();
            default -> file ? sandbox.resolve("hard.csv").toString() : sandbox + "/s/./" + place.substring(2);
        };
    }

    private List<String> generate(int i) throws IOException {
        List<String> args = new ArrayList<>();
        switch (random.nextInt(5)) {
            case 0 -> {
                args.addAll(List.of("train", "--data", badCsv(i).toString()));
                addValidExtras(args);
            }
            case 1 -> {
                args.add("train");
                String option = pick("--steps", "--lr", "--seed", "--hidden", "--model", "--activation", "--optimizer",
                        "--backward", "--device", "--x", "--function", "--truth", "--interpolation", "--extrapolation",
                        "--probes");
                switch (option) {
                    case "--x" -> args.addAll(List.of("--function", "x"));
                    case "--function" -> args.addAll(List.of("--x", "0:3:1"));
                    case "--truth" -> args.addAll(List.of("--data", goodCsv(i).toString()));
                    default -> { }
                }
                args.addAll(List.of(option, junk()));
                addValidExtras(args);
            }
            case 2 -> {
                args.add(pick("train", "walkthrough", "sweep"));
                args.addAll(List.of("--steps", "5", "-q"));
                args.addAll(badOutput(i));
            }
            case 3 -> {
                args.addAll(List.of("sweep", "-q", "--steps", "5", "--out", out.toString()));
                args.addAll(List.of(pick("--seeds", "--first-seed", "--hidden", "--depths", "--activations", "--lr",
                        "--fit-threshold", "--threads", "--torch-threads", "--backward"), junk()));
            }
            default -> {
                args.addAll(List.of("predict", "--from"));
                args.add(random.nextBoolean() ? sandbox.resolve("a folder").toString() : junk());
                args.addAll(List.of("--x", random.nextBoolean() ? "0:3:1" : junk()));
            }
        }
        return args;
    }

    private void addValidExtras(List<String> args) {
        args.addAll(List.of("--steps", "5", "-q", "--out", out.toString()));
        if (random.nextBoolean()) {
            args.addAll(List.of("--json", out.resolve("run.json").toString()));
        }
        if (random.nextBoolean()) {
            args.addAll(List.of("--save", out.resolve("model").toString()));
        }
    }

    /** Paths no output can take; the rest of the command is fine. */
    private List<String> badOutput(int i) {
        String option = pick("--out", "--json", "--save"); // --save is train's; the others refuse it, also exit 2
        String path = switch (random.nextInt(6)) {
            case 0 -> aFile.resolve("inside").toString();
            case 1 -> "/proc/djl-fit-" + i;
            case 2 -> sandbox.resolve("n".repeat(256 + random.nextInt(100))).toString();
            case 3 -> option.equals("--json") ? sandbox.resolve("a folder").toString() : aFile.toString();
            case 4 -> sandbox + "/bad" + POISON.charAt(2) + "name";
            default -> sandbox.resolve("missing").resolve("deeper").resolve("x".repeat(300)).toString();
        };
        List<String> args = new ArrayList<>(List.of(option, path));
        if (!option.equals("--out")) {
            args.addAll(List.of("--out", out.toString()));
        }
        return args;
    }

    private Path badCsv(int i) throws IOException {
        byte[] bytes = switch (random.nextInt(6)) {
            case 0 -> {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                b[random.nextInt(b.length)] = (byte) 0xFF; // never UTF-8
                yield b;
            }
            case 1 -> (rows(1 + random.nextInt(5)) + "1,@" + text(20) + "\n" + rows(random.nextInt(3)))
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[0];
            case 3 -> ("x,y\n" + "# " + text(30).replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
            case 4 -> "2,5\n2,7\n2,9\n".getBytes(StandardCharsets.UTF_8);
            default -> (rows(2) + "1,2,3\n").getBytes(StandardCharsets.UTF_8);
        };
        return Files.write(sandbox.resolve("data " + i + (random.nextBoolean() ? " é" : "") + ".csv"), bytes);
    }

    private Path goodCsv(int i) throws IOException {
        return Files.writeString(sandbox.resolve("good " + i + ".csv"), rows(4));
    }

    private String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(k).append(',').append(random.nextInt(100)).append('\n');
        }
        return b.toString();
    }

    private String text(int max) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int k = 0; k < n; k++) {
            b.appendCodePoint(HOSTILE.codePointAt(HOSTILE.offsetByCodePoints(0,
                    random.nextInt(HOSTILE.codePointCount(0, HOSTILE.length())))));
        }
        return b.toString().replace("\n", "");
    }

    /** A random string with a poison character at a random place: no option takes it. */
    private String junk() {
        String t = text(12);
        int at = random.nextInt(t.length() + 1);
        return t.substring(0, at) + POISON.charAt(random.nextInt(POISON.length())) + t.substring(at);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Every entry under {@code root} (but the output folder) with its size and modification time. */
    private Map<String, String> listing(Path root, boolean deep) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> entries = deep ? Files.walk(root) : Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (deep && p.startsWith(sandbox.resolve("out"))) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                all.put(root.relativize(p).toString(), a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime());
            }
        }
        return all;
    }
}
