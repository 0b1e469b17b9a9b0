package dev.djlfit.article;

import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.data.Scaling;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.ExtrapolationReport;
import dev.djlfit.extrapolation.FittedFunction;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.program.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the article's experiments ({@code <model>-<data>}, e.g. {@code tanh-quadratic}) as a
 * program like the tutorial ports: it trains as {@link ExperimentRunner} does and hands back the
 * one {@link Trace}, whose reference is {@code src/reference/pytorch/article.py}.
 */
public final class ArticleExperiment implements Program {

    /** Named value: the trained net at the training inputs, {@code fit(x)} ([n, 1]). */
    public static final String FINAL_PREDICTION = "final_prediction";

    /** Named value: the article's new inputs, {@code [[2.5], [10]]}. */
    public static final String NEW_INPUTS = "new_inputs";

    /** Named value: the trained net at the new inputs. */
    public static final String NEW_PREDICTION = "new_prediction";

    private final ExperimentSpec spec;
    private final TrainingSettings settings;
    private final Extrapolation extrapolation;

    /**
     * @param settings the learning rate, optimizer and backward to train with (its steps and seed
     *     are replaced by the run's)
     * @param extrapolation the questions asked of the trained net beyond the data
     */
    public ArticleExperiment(ExperimentSpec spec, TrainingSettings settings, Extrapolation extrapolation) {
        this.spec = spec;
        this.settings = settings;
        this.extrapolation = extrapolation;
    }

    /** The experiment asked the article's questions: y at 2.5 and 10, RMSE over 0..3 and 3..10. */
    public ArticleExperiment(ExperimentSpec spec, TrainingSettings settings) {
        this(spec, settings, Extrapolation.article());
    }

    /**
     * The experiment called {@code name} at this width and activation, trained as the article trains.
     *
     * @throws IllegalArgumentException naming the valid names, if {@code name} is none of them
     */
    public static ArticleExperiment named(String name, int hidden, Nonlinearity activation, TrainingSettings settings) {
        return new ArticleExperiment(Experiments.named(name, hidden, activation), settings);
    }

    /** The article's four experiments, in its order. */
    public static List<ArticleExperiment> article(TrainingSettings settings) {
        return Experiments.article().stream().map(s -> new ArticleExperiment(s, settings)).toList();
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public float learningRate() {
        return settings.learningRate();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String original() {
        return "Machine Learning and Regression Models with PyTorch, part II";
    }

    @Override
    public int defaultSteps() {
        return TrainingSettings.ARTICLE_STEPS;
    }

    @Override
    public boolean isSinFit() {
        return false;
    }

    @Override
    public String referenceScript() {
        return "article.py";
    }

    @Override
    public List<String> referenceOptions() {
        List<String> options = new ArrayList<>(List.of("--lr", Float.toString(settings.learningRate()),
                "--hidden", Integer.toString(spec.architecture().widths()[1])));
        spec.architecture().activation().ifPresent(a -> options.addAll(List.of("--activation", a.id())));
        return options;
    }

    @Override
    public void run(Harness run) {
        TrainingSettings config = settings.withSteps(run.steps()).withSeed((int) run.seed()).withLossEvery(LOSS_EVERY);
        ExperimentResult result =
                new ExperimentRunner(Device.cpu(), extrapolation).run(spec, config, TrainingObserver.NONE);
        run.traced(trace(result));
    }

    /**
     * The net these parameters make (rebuilt on the CPU) against the data's truth, asked what the
     * run asks ({@link ExperimentRunner}); empty where the data has no known truth.
     */
    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> finalParameters) {
        if (spec.data().truth().isEmpty()) {
            return Optional.empty();
        }
        Scaling scaling = Scaling.of(spec.data(), settings.normalize());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet fit = Nets.fromValues(manager, spec.architecture(), finalParameters);
            FittedFunction net =
                    xs -> ExperimentRunner.predict(fit, manager, scaling, TensorValues.column(xs)).y().values();
            return Optional.of(summary(extrapolation.evaluate(spec.data().truth().get(), net), spec.architecture()));
        }
    }

    /** The walkthrough's extrapolation report as a trace holds it. */
    static ExtrapolationSummary summary(ExtrapolationReport report, Architecture architecture) {
        return new ExtrapolationSummary(report.truthFormula(), "net " + architecture.describe(), report.probes(),
                report.interpolationRmse(), report.interpolation().describeAscii(), report.extrapolationRmse(),
                report.extrapolation().describeAscii());
    }

    /** The trace keeps the loss every this many steps (and at the last): article.py's rhythm. */
    public static final int LOSS_EVERY = 1000;

    /** The run as its trace: what {@code article.py} records of the same run. */
    public static Trace trace(ExperimentResult result) {
        int steps = result.config().steps();
        TrainingSettings kept = result.config().withLossEvery(LOSS_EVERY);
        List<Trace.PrintedLoss> losses = new ArrayList<>();
        for (LossPoint p : result.training().losses()) {
            if (kept.records(p.step())) {
                losses.add(new Trace.PrintedLoss(p.step(), p.loss()));
            }
        }
        float[] x = result.spec().data().x();
        float[] y = result.spec().data().y();
        Map<String, Trace.NamedValue> values = new LinkedHashMap<>();
        values.put(FINAL_PREDICTION, Trace.NamedValue.of(result.finalPrediction().y()));
        values.put(NEW_INPUTS, Trace.NamedValue.of(result.newPrediction().x()));
        values.put(NEW_PREDICTION, Trace.NamedValue.of(result.newPrediction().y()));
        String engine = Torch.engineDescription() + " on " + result.device() + ", "
                + result.config().backward().id() + " backward";
        return new Trace(result.spec().name(), result.config().seed(), steps, engine, new Trace.Inputs(x, y),
                result.initialParameters(), result.finalParameters(), losses,
                resultLine(result.newPrediction().y().values()), result.training().loopNanos() / 1e9,
                result.extrapolation().map(r -> summary(r, result.spec().architecture())), 0, List.of(), values);
    }

    /** {@code y(2.5) = ..., y(10) = ...}: the trained net at the article's new inputs, as article.py prints it. */
    public static String resultLine(float[] newPrediction) {
        return PyFormat.format("Result: y(2.5) = {:.4f}, y(10) = {:.4f}", newPrediction[0], newPrediction[1]);
    }
}
