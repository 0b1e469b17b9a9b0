package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.djlfit.Prerequisite;
import dev.djlfit.SearchPath;
import dev.djlfit.parity.PyTorchForTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every command written in a {@code ```bash} block of README.md and docs/*.md works as written on
 * a fresh clone: one dynamic test per command line, in the order a reader meets them (the README
 * first, then the docs pages by name), all in one copy of the project that starts without
 * {@code target/}.
 *
 * <p>What "works" means depends on whose command it is:
 * <ul>
 * <li><b>This project's commands</b> ({@code mvn ...} in this project, {@code java -jar
 *     target/djl-fit.jar ...}, and the project's own scripts such as
 *     {@code src/reference/pytorch/*.py} or {@code notebooks/run-notebooks.sh}) are run for real,
 *     exactly as written, under {@code bash -c} in the copy, and must exit 0 within 2 minutes (5
 *     for Maven, which may compile the fresh copy first). Their arguments are
 *     first parsed by the real command line ({@link Main}'s picocli model; for Maven the words of
 *     {@code -Dexec.args}), so an unknown option or value fails with its message before anything
 *     runs. Maven lines are checked for what a fresh clone needs: every {@code -P} profile and
 *     every plugin prefix ({@code exec:}, {@code dependency:}) exists in pom.xml, every
 *     {@code -Dtest} class exists, and {@code exec:java} comes after a phase that compiles (on a
 *     fresh clone nothing else compiles the classes it runs).</li>
 * <li><b>Long commands</b>, marked in the docs with a trailing comment that starts with
 *     {@code long} (the walkthrough at 100000 steps, the default sweep, the benchmarks), are run
 *     only until they show they started: still running 2 s after their first visible output
 *     (Maven's escape codes do not count), or, for the launcher, 4 s without output. Bad options,
 *     missing files and bad data are reported within that time (they are checked before any
 *     training), and that is what this catches; a failure late in a long run is not here. The
 *     walkthrough itself, the README's first command, runs to the end in {@code ArticleResultsTest},
 *     which checks the README's sample of its output. Stopping them
 *     keeps this test to a few minutes on 2 cores.</li>
 * <li><b>Not run here</b>, checked without running: Maven lines that run the {@code test} phase
 *     (the suite this test is part of), and lines that need a GPU ({@code -Pcuda}, 2.5 GB of CUDA
 *     libraries; {@code --device gpu}, which fails by design where there is none).</li>
 * <li><b>Other programs</b> ({@code apt-get}, {@code jupyter}, the kernel installer) are not run:
 *     the program must be on the PATH, or installed by an {@code apt-get install} line above it in
 *     the same file; the packages that line names must be known to apt; a jar run with
 *     {@code java -jar} and every argument that names a file of the project (a path with a slash)
 *     must exist at that point, after the commands before it.</li>
 * </ul>
 * A Maven line with {@code -f FILE} builds another project (the consumer example,
 * docs/examples/consumer): its goals are checked against that POM, and its arguments are its own.
 * Commands that need what a fresh machine with a JDK and Maven lacks are skipped without it, with
 * a line saying what to install, and fail instead where CI requires it: PyTorch ({@code compare}, {@code judge},
 * {@code /usr/bin/python3}, the reference scripts, the consumer example's scripts; {@code DJLFIT_REQUIRE_PYTORCH}), nbconvert
 * ({@code notebooks/run-notebooks.sh}, {@code jupyter nbconvert}; {@code DJLFIT_REQUIRE_NBCONVERT})
 * and the FashionMNIST package (a command that names {@code fashion}, or one that fails saying so
 * where the package is missing; {@code DJLFIT_REQUIRE_FASHION_MNIST}). A command that names a file
 * which a skipped command was to write ({@code --inputs ref.json} after the reference that writes
 * {@code ref.json}) is skipped with it.
 * Anything else a page wants to show (a template with placeholders, a pipe) goes in a
 * {@code text} block: {@link ShellWords} refuses shell syntax in a {@code bash} block.
 * Each run's output is kept in {@code target/documented-commands/logs/}.
 *
 * <p>Why run the commands rather than only parse them: what broke for readers before was the
 * state of a fresh clone (nothing compiled for {@code exec:java}, a sample CSV that did not ship,
 * a model directory an earlier command was to write), which only running the commands in order,
 * in a copy without {@code target/}, shows. Why stop long commands rather than shorten them: the
 * pages show the commands that produced their figures, and those must stay as they ran. What it
 * cannot see: how a program that is not run behaves (Jupyter's refusal to start as root is
 * written next to the command instead), and output that a page quotes (that is {@code DocSamplesTest}'s
 * and {@code ArticleResultsTest}'s job, or the page marks it as an example from a named machine).
 */
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedCommandsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path WORK = PROJECT.resolve("target/documented-commands");
    private static final Path CLONE = WORK.resolve("clone");
    private static final Path LOGS = WORK.resolve("logs");
    private static final String LAUNCHER = "target/djl-fit.jar";
    /** Profiles whose commands are not run here: cuda brings 2.5 GB of CUDA libraries and needs a GPU. */
    private static final Set<String> PROFILES_NOT_RUN = Set.of("cuda");
    private static final Set<String> PHASES = Set.of("clean", "compile", "test-compile", "test", "package", "verify", "install");
    private static final Set<String> PHASES_THAT_COMPILE = Set.of("compile", "test-compile", "test", "package", "verify", "install");
    private static final Map<String, String> PLUGIN_OF_PREFIX = Map.of(
            "exec", "exec-maven-plugin", "dependency", "maven-dependency-plugin", "help", "maven-help-plugin");
    private static final Duration MAVEN_CAP = Duration.ofMinutes(5);
    private static final Duration CAP = Duration.ofMinutes(2);
    /** Options whose value a command writes ({@code --out ref.json}): naming a file there is no reading it. */
    private static final Set<String> WRITE_OPTIONS = Set.of("--out", "--json", "--save");

    private final List<DocumentedCommand> seen = new ArrayList<>();
    /** The files that skipped commands were to write, and why each was skipped. */
    private final Map<String, String> notWritten = new LinkedHashMap<>();
    private String pom;
    private String profiles;
    private int runs;

    @BeforeAll
    void freshClone() throws IOException, InterruptedException {
        deleteTree(WORK);
        Files.createDirectories(CLONE);
        Files.createDirectories(LOGS);
        // The files a clone has, plus new ones not yet committed: tracked and untracked-but-not-ignored.
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(PROJECT.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed: this test copies the project as a clone would have it");
        for (String name : listing.split("\0")) {
            Path source = PROJECT.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(source)) {
                Path target = CLONE.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        pom = Files.readString(CLONE.resolve("pom.xml"));
        profiles = pom.substring(Math.max(0, pom.indexOf("<profiles>")));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandWorksAsWritten() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            List<DocumentedCommand> commands = DocumentedCommand.in(PROJECT, page);
            for (DocumentedCommand command : commands) {
                tests.add(DynamicTest.dynamicTest(command.toString(), () -> check(command)));
            }
        }
        assertTrue(tests.size() >= 10, "found only " + tests.size() + " documented commands");
        return tests.stream();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted(Comparator.naturalOrder())
                    .forEach(p -> pages.add(PROJECT.relativize(p)));
        }
        return pages;
    }

    private void check(DocumentedCommand command) throws Exception {
        seen.add(command);
        List<String> words = ShellWords.split(command.text());
        skipIfItReadsWhatASkippedCommandWrites(command, words);
        try {
            check(command, words);
        } catch (TestAbortedException skipped) {
            rememberWhatItWouldHaveWritten(command, words, skipped.getMessage());
            throw skipped;
        }
    }

    private void skipIfItReadsWhatASkippedCommandWrites(DocumentedCommand command, List<String> words) {
        List<String> all = wordsWithExecArgs(words);
        for (int i = 0; i < all.size(); i++) {
            String word = all.get(i);
            if (i > 0 && WRITE_OPTIONS.contains(all.get(i - 1))) {
                notWritten.remove(word); // this command writes it (if it runs)
                continue;
            }
            String why = notWritten.get(word);
            if (why != null) {
                Assumptions.abort(command.where() + " reads " + word + ", which a skipped command was to write: " + why);
            }
        }
    }

    /** Its arguments that look like files (a dot or a slash) and that are not in the copy after it. */
    private void rememberWhatItWouldHaveWritten(DocumentedCommand command, List<String> words, String why) {
        List<String> all = wordsWithExecArgs(words);
        for (String word : all.subList(1, all.size())) {
            boolean looksLikeAFile = !word.startsWith("-") && !word.contains("=") && word.matches(".*[A-Za-z].*")
                    && (word.contains(".") || word.contains("/"));
            if (looksLikeAFile && !Files.exists(CLONE.resolve(word))) {
                notWritten.putIfAbsent(word, command.where() + " (" + why + ")");
            }
        }
    }

    /** The words of a command line, with those of Maven's {@code -Dexec.args} appended. */
    private static List<String> wordsWithExecArgs(List<String> words) {
        List<String> all = new ArrayList<>(words);
        for (String word : words) {
            if (word.startsWith("-Dexec.args=")) {
                all.addAll(ShellWords.split(word.substring("-Dexec.args=".length())));
            }
        }
        return all;
    }

    private void check(DocumentedCommand command, List<String> words) throws Exception {
        needsIf(command.text().toLowerCase(java.util.Locale.ROOT).contains("fashion"), Prerequisite.FASHION_MNIST, command);
        if (words.get(0).equals("time")) {
            words = words.subList(1, words.size());
        }
        String program = words.get(0);
        List<String> arguments = words.subList(1, words.size());
        if (program.equals("mvn")) {
            maven(command, MavenLine.of(arguments));
        } else if (program.equals("java") && arguments.size() >= 2 && arguments.get(0).equals("-jar")) {
            if (arguments.get(1).equals(LAUNCHER)) {
                List<String> cli = arguments.subList(2, arguments.size());
                parses(command, cli);
                if (needsGpu(cli)) {
                    return; // parsed above; runs only where a GPU is
                }
                needsPyTorchIf(cli.contains("compare") || cli.contains("judge")); // judge reads what PyTorch wrote
                run(command, true, CAP);
            } else {
                assertTrue(Files.isRegularFile(CLONE.resolve(arguments.get(1))),
                        command.where() + ": " + arguments.get(1) + " does not exist after the commands before it");
            }
        } else if (isProjectFile(program) || (!arguments.isEmpty() && isProjectFile(arguments.get(0)))) {
            needsPyTorchIf(program.equals("/usr/bin/python3")
                    || words.stream().anyMatch(a -> a.startsWith("src/reference/pytorch/")
                            || a.startsWith("docs/examples/consumer/")));
            needsIf(words.contains("notebooks/run-notebooks.sh"), Prerequisite.NBCONVERT, command);
            projectPathsExist(command, words);
            run(command, false, CAP);
        } else {
            otherProgram(command, program, arguments);
        }
    }

    private void maven(DocumentedCommand command, MavenLine line) throws Exception {
        String where = command.where() + ": ";
        assertFalse(line.goals().isEmpty(), where + "no goal or phase");
        for (String profile : line.profiles()) {
            assertTrue(profiles.contains("<id>" + profile + "</id>"), where + "pom.xml has no profile " + profile);
        }
        String projectPom = pom;
        if (line.pom() != null) {
            // another Maven project (the consumer example): its own pom, its own arguments
            Path other = CLONE.resolve(line.pom());
            assertTrue(Files.isRegularFile(other), where + line.pom() + " does not exist");
            projectPom = Files.readString(other);
        }
        boolean compiled = false;
        for (String goal : line.goals()) {
            String prefix = MavenLine.prefix(goal);
            if (prefix == null) {
                assertTrue(PHASES.contains(goal), where + "unknown phase " + goal);
                compiled |= PHASES_THAT_COMPILE.contains(goal);
            } else {
                String plugin = PLUGIN_OF_PREFIX.get(prefix);
                assertTrue(plugin != null && projectPom.contains("<artifactId>" + plugin + "</artifactId>"),
                        where + "no plugin for " + goal + " in " + (line.pom() == null ? "pom.xml" : line.pom()));
                if (goal.equals("exec:java")) {
                    assertTrue(compiled, where + "exec:java without compile before it: on a fresh clone nothing is compiled");
                }
            }
        }
        String execArgs = line.pom() == null ? line.properties().get("exec.args") : null;
        if (execArgs != null) {
            parses(command, ShellWords.split(execArgs));
        }
        String tests = line.properties().get("test");
        if (tests != null) {
            for (String test : tests.split(",")) {
                assertTrue(testClassExists(test), where + "no test class " + test);
            }
        }
        if (line.goals().contains("test")) {
            return; // the test suite, this test among it: checked above, not run from inside itself
        }
        if (line.profiles().stream().anyMatch(PROFILES_NOT_RUN::contains)
                || (execArgs != null && needsGpu(ShellWords.split(execArgs)))) {
            return; // needs what this machine may not have: checked above
        }
        needsPyTorchIf(execArgs != null && ShellWords.split(execArgs).contains("compare"));
        run(command, false, MAVEN_CAP);
    }

    /** Parses the arguments with the real command line, as {@code Main} would before running. */
    private static void parses(DocumentedCommand command, List<String> arguments) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine(new PrintWriter(out), new PrintWriter(out));
        try {
            cli.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail(command.where() + ": the command line does not parse: " + e.getMessage());
        }
    }

    private void otherProgram(DocumentedCommand command, String program, List<String> arguments) throws Exception {
        String where = command.where() + ": ";
        if (program.equals("apt-get")) {
            assertTrue(onPath("apt-get"), where + "apt-get is not on the PATH");
            if (arguments.contains("install") && onPath("apt-cache")) {
                for (String pkg : packages(arguments)) {
                    Process show = new ProcessBuilder("apt-cache", "show", "--no-all-versions", pkg)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    assertEquals(0, show.waitFor(), where + "apt does not know the package " + pkg);
                }
            }
            return;
        }
        if (program.contains("/")) {
            assertTrue(Files.isExecutable(CLONE.resolve(program)), where + program + " is not an executable file");
        } else {
            assertTrue(onPath(program) || installedAbove(command), where + program
                    + " is neither on the PATH nor installed by an apt-get install line above it");
        }
        projectPathsExist(command, arguments);
    }

    /** Whether an earlier {@code apt-get install} line of the same page installs something. */
    private boolean installedAbove(DocumentedCommand command) {
        return seen.stream().anyMatch(c -> c.file().equals(command.file()) && c.line() < command.line()
                && c.text().startsWith("apt-get") && c.text().contains(" install "));
    }

    private static List<String> packages(List<String> aptArguments) {
        List<String> after = aptArguments.subList(aptArguments.indexOf("install") + 1, aptArguments.size());
        return after.stream().filter(a -> !a.startsWith("-")).toList();
    }

    /** Every argument that names a path of the project (relative, with a slash) exists in the copy. */
    private static void projectPathsExist(DocumentedCommand command, List<String> words) {
        for (String word : words) {
            if (word.contains("/") && !word.startsWith("-") && !word.contains("=") && !word.contains(":")) {
                Path path = word.startsWith("/") ? Path.of(word) : CLONE.resolve(word);
                assertTrue(Files.exists(path), command.where() + ": " + word + " does not exist");
            }
        }
    }

    private static boolean isProjectFile(String word) {
        return !word.startsWith("/") && !word.startsWith("-") && word.contains("/")
                && Files.isRegularFile(CLONE.resolve(word));
    }

    private static boolean testClassExists(String name) {
        try (Stream<Path> files = Files.walk(CLONE.resolve("src/test/java"))) {
            return files.anyMatch(p -> p.getFileName().toString().equals(name + ".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        return SearchPath.find(program).isPresent();
    }

    /** {@code --device gpu}, {@code gpu:N}, {@code cuda...}: fails by design where there is no GPU. */
    private static boolean needsGpu(List<String> cli) {
        for (int i = 0; i < cli.size(); i++) {
            String device = cli.get(i).startsWith("--device=") ? cli.get(i).substring("--device=".length())
                    : cli.get(i).equals("--device") && i + 1 < cli.size() ? cli.get(i + 1) : "";
            if (device.startsWith("gpu") || device.startsWith("cuda")) {
                return true;
            }
        }
        return false;
    }

    private static void needsPyTorchIf(boolean needed) {
        if (needed) {
            PyTorchForTests.reference();
        }
    }

    private static void needsIf(boolean needed, Prerequisite prerequisite, DocumentedCommand command) {
        if (needed) {
            prerequisite.require(command.where());
        }
    }

    private void run(DocumentedCommand command, boolean isLauncher, Duration cap) throws Exception {
        Path log = LOGS.resolve(String.format("%03d-%s-%d.log",
                ++runs, command.file().getFileName().toString().replace(".md", ""), command.line()));
        CommandProcess.Outcome outcome = CommandProcess.run(command.text(), CLONE, log, command.isLong(), isLauncher, cap);
        System.out.printf("documented command %s: %s after %.1f s%n", command.where(),
                outcome.ending() == CommandProcess.Ending.EXITED ? "exit " + outcome.exitCode() : outcome.ending(),
                outcome.seconds());
        String context = command.where() + ": " + command.text() + "\n--- output (" + log + ") ---\n" + tail(outcome.log());
        if (outcome.ending() == CommandProcess.Ending.EXITED && outcome.exitCode() != 0
                && outcome.log().toLowerCase(java.util.Locale.ROOT).contains("fashion")) {
            // a program that needs the FashionMNIST package says so when it is missing
            Prerequisite.FASHION_MNIST.require(command.where());
        }
        switch (outcome.ending()) {
            case EXITED -> assertEquals(0, outcome.exitCode(), "exit code of " + context);
            case TIMED_OUT -> fail("still running after " + cap.toSeconds() + " s (mark a command that takes"
                    + " minutes with a trailing '# long: ...' comment, or make it shorter): " + context);
            case STARTED_AND_STOPPED -> assertNoErrorSoFar(outcome.log(), context);
        }
    }

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^(error:|\\[ERROR\\]|Exception in thread)");

    private static void assertNoErrorSoFar(String log, String context) {
        Matcher m = ERROR_LINE.matcher(log);
        assertFalse(m.find(), "a long command reported an error before it was stopped: " + context);
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 25), lines.length));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
