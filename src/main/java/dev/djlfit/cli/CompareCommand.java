package dev.djlfit.cli;

import dev.djlfit.article.Experiments;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.Footprint;
import dev.djlfit.parity.ParityPrinter;
import dev.djlfit.parity.PyTorchReference;
import dev.djlfit.parity.Comparison;
import dev.djlfit.parity.SideBySide;
import dev.djlfit.parity.Tolerances;
import dev.djlfit.article.OptimizerKind;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.ArticleExperiment;
import dev.djlfit.program.DataSettings;
import dev.djlfit.program.Program;
import dev.djlfit.tutorials.Programs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The port against PyTorch itself: both sides, same seed, side by side. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the article's experiments or the tutorial ports in this Java port and in their PyTorch code,"
                    + " and says whether they match.",
            "",
            "Both sides, this Java port (DJL, in this process) and the reference program"
                    + " (src/reference/pytorch/article.py, tutorials.py or basics.py, under a Python with torch), start"
                    + " from the same seed and write the same trace. Prints per parameter the largest absolute"
                    + " difference (initial and final), the printed losses' largest relative difference, the article's"
                    + " predictions at x = 0, 1, 2, 3, 2.5, 10, and a verdict against the tolerances.",
            "",
            "Exit code 0 if every experiment matches, 1 if one does not, 2 if PyTorch is missing"
                    + " (install it: apt-get install -y python3-torch), fails, or gives no answer within"
                    + " --python-timeout."
        })
public final class CompareCommand implements Callable<Integer> {

    static final int MISMATCH = 1;

    private static final List<Integer> MEASURED_STEPS = List.of(10, 1000, TrainingSettings.ARTICLE_STEPS);

    /** The options of the article's experiments alone. */
    private static final List<String> ARTICLE_OPTIONS =
            List.of("--lr", "--optimizer", "--normalize", "--backward", "--hidden", "--activation");

    /** The options of the tutorial ports alone. */
    private static final List<String> TUTORIAL_OPTIONS = List.of("--epochs", "--data", "--reference-inputs");

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*",
            description = "<model>-<data>: linear-linear, linear-quadratic, tanh-quadratic, deep-quadratic,"
                    + " or another pair train accepts (default: the article's four); or tutorial ports:"
                    + " polynomial-tensor, ..., dynamic-net, quickstart, optimization, saveloadrun (see the tutorial"
                    + " command).")
    List<String> experiments = new ArrayList<>();

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Mixin
    ShapeOptions shape = new ShapeOptions();

    @Option(names = "--python", paramLabel = "PYTHON",
            description = "The Python that has PyTorch (default: ${DEFAULT-VALUE}, Debian's python3-torch).")
    Path python = PyTorchReference.DEFAULT_PYTHON;

    @Option(names = "--python-timeout", paramLabel = "SECONDS",
            description = "Stop a PyTorch process that has not finished after this long (default: ${DEFAULT-VALUE};"
                    + " the article's 100000 steps take seconds); then exit 2.")
    int pythonTimeout = (int) PyTorchReference.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--epochs", paramLabel = "N",
            description = "Learn the Basics ports (quickstart, optimization, saveloadrun): epochs (default: the"
                    + " program's own).")
    Integer epochs;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Learn the Basics ports: the folder with FashionMNIST's four idx files, gzipped or not"
                    + " (default: /usr/share/datasets/fashion-mnist).")
    Path data = DataSettings.DEBIAN_FASHION_MNIST;

    @Option(names = "--reference-inputs",
            description = "Tutorials: train the port on the reference's x and y (tells a porting error from an engine"
                    + " difference in linspace and sin).")
    boolean referenceInputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = Duration.ofSeconds(OptionChecks.positive("--python-timeout", pythonTimeout));
        TrainingSettings config = training.config();
        List<Program> programs = programs(config);
        boolean article = programs.get(0) instanceof ArticleExperiment;
        for (String option : article ? TUTORIAL_OPTIONS : ARTICLE_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UserInputException(option + (article
                        ? " is not for the article's experiments (" + String.join(", ", TUTORIAL_OPTIONS)
                                + " are for the tutorial ports)"
                        : " is for the article's experiments; a tutorial port runs as its program is written"
                                + " (only --seed, --steps, --epochs, --data and --reference-inputs apply)"));
            }
        }
        if (article && (config.optimizer() != OptimizerKind.SGD || config.normalize())) {
            throw new UserInputException("compare checks the article's plain SGD on the raw data:"
                    + " no --optimizer adam, no --normalize");
        }
        Path fashionMnist = data;
        for (Program program : programs) {
            if (!program.trains()) {
                throw new UserInputException("compare judges training runs; " + program.name() + " trains nothing"
                        + " (its printed lines are checked against src/reference/pytorch/basics_shown.py by"
                        + " BasicsShownParityTest)");
            }
            if (program.byEpoch()) {
                if (referenceInputs) {
                    throw new UserInputException("--reference-inputs is for the sin fits; " + program.name()
                            + " reads FashionMNIST, the same files on both sides");
                }
                fashionMnist = new DataSettings(data, Path.of(""), Optional.empty()).located().data();
            }
            if (program instanceof ArticleExperiment experiment) {
                Footprint.training(experiment.spec().architecture(), experiment.spec().data().size())
                        .require("compare with --hidden " + shape.hidden());
            }
        }
        // a missing or failing PyTorch is a ReferenceUnavailableException: one line, exit 2 (ErrorHandling)
        PyTorchReference reference = PyTorchReference.locate(python).withTimeout(timeout);
        String torch = reference.torchVersion();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Java vs PyTorch " + torch + " (" + reference.python() + " " + programs.stream()
                .map(p -> reference.script(p.referenceScript()).toString()).distinct()
                .collect(Collectors.joining(", ")) + ")");
        out.flush();
        SideBySide parity = new SideBySide(reference, fashionMnist);
        ParityPrinter printer = new ParityPrinter(out);
        boolean stepsGiven = spec.commandLine().getParseResult().hasMatchedOption("--steps");
        int epochCount = epochs == null ? 0 : OptionChecks.steps("--epochs", epochs);
        int mismatches = 0;
        for (Program program : programs) {
            int length = program.steps(program.byEpoch() ? epochCount : stepsGiven || article ? config.steps() : 0);
            Comparison comparison = parity.run(program, config.seed(), length, referenceInputs, line -> { });
            Tolerances tolerances = Tolerances.forProgram(program.name(), length);
            printer.print(comparison, tolerances, program instanceof ArticleExperiment a
                    ? ", lr " + trim(a.learningRate()) : "");
            out.flush();
            if (!comparison.verdict(tolerances).passed()) {
                mismatches++;
            }
        }
        out.printf("%n%d of %d %s match PyTorch%n", programs.size() - mismatches, programs.size(),
                article ? "experiments" : "tutorial ports");
        boolean articleNets = shape.hidden() == Experiments.ARTICLE_HIDDEN && shape.activation() == Nonlinearity.TANH
                && config.learningRate() == TrainingSettings.ARTICLE_LEARNING_RATE;
        if (article && (!MEASURED_STEPS.contains(config.steps()) || !articleNets)) {
            out.println("note: the tolerances were measured for the article's nets (hidden 10, tanh, lr 0.01) at 10,"
                    + " 1000 and 100000 steps; elsewhere the tanh and deep nets, whose early training is chaotic,"
                    + " may differ by more");
        }
        out.flush();
        return mismatches == 0 ? 0 : MISMATCH;
    }

    /** The programs named (the article's four if none), all article experiments or all tutorial ports. */
    private List<Program> programs(TrainingSettings config) {
        if (experiments.isEmpty()) {
            return List.copyOf(ArticleExperiment.article(config));
        }
        List<Program> programs = new ArrayList<>();
        for (String name : experiments) {
            programs.add(Programs.named(name).orElseGet(() -> {
                try {
                    return ArticleExperiment.named(name, shape.hidden(), shape.activation(), config);
                } catch (IllegalArgumentException e) {
                    throw new UserInputException(e.getMessage() + "; or the tutorial ports "
                            + String.join(", ", Programs.names()));
                }
            }));
        }
        long article = programs.stream().filter(p -> p instanceof ArticleExperiment).count();
        if (article > 0 && article < programs.size()) {
            throw new UserInputException("compare takes either the article's experiments or tutorials ("
                    + String.join(", ", Programs.names()) + "), not both at once");
        }
        return programs;
    }

    private static String trim(float v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Float.toString(v);
    }
}
