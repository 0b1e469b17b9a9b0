package dev.djlfit.cli;

import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.CsvData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.article.data.Formula;
import dev.djlfit.article.data.FormulaData;
import dev.djlfit.article.data.InvalidDataException;
import dev.djlfit.article.data.XSpec;
import dev.djlfit.extrapolation.Extrapolation;
import dev.djlfit.extrapolation.Range;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which training data, and where to measure extrapolation: {@code --data} (the article's sets or
 * a CSV file), {@code --function} with {@code --x}, {@code --truth}, and the report's ranges. The
 * parsing itself lives in the data package; this class only maps options to it.
 */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DATA",
            description = {"Training data: linear (y = 2x + 1) or quadratic (y = 3x² + 2x + 1), the article's"
                    + " four points each (default: quadratic); or a CSV FILE with columns x,y (header optional,"
                    + " comma or semicolon, blank lines and # comments allowed)."})
    String data;

    @Option(names = "--function", paramLabel = "FORMULA",
            description = "Train on a formula in x sampled at --x, e.g. \"3*x^2 + 2*x + 1\" (operators + - * / ^,"
                    + " functions such as sin, exp, log, sqrt, abs; constants pi, e); it is also the truth of"
                    + " the extrapolation report.")
    String function;

    @Option(names = "--x", paramLabel = "XS",
            description = "Where --function is sampled: a list 0,1,2,3 or a range FROM:TO:STEP such as 0:3:1.")
    String x;

    @Option(names = "--truth", paramLabel = "FORMULA",
            description = "With --data FILE: the true function the points come from, for the extrapolation report.")
    String truth;

    @Option(names = "--interpolation", paramLabel = "FROM:TO",
            description = "Interpolation range of the report (default: the data's x; the article's 0:3).")
    String interpolation;

    @Option(names = "--extrapolation", paramLabel = "FROM:TO",
            description = "Extrapolation range of the report (default: as far again beyond the data;"
                    + " the article's 3:10).")
    String extrapolation;

    @Option(names = "--probes", paramLabel = "XS",
            description = "Inputs of the new prediction and the report's point errors (default: the middle of the"
                    + " data and the end of the extrapolation range; the article's 2.5,10).")
    String probes;

    private DataPoints dataset;
    private Formula truthFormula;

    /** The training points, read once. */
    public DataPoints dataset() {
        if (dataset == null) {
            dataset = read();
        }
        return dataset;
    }

    private DataPoints read() {
        if (function != null && data != null) {
            throw new UserInputException("give either --data or --function, not both");
        }
        if (function != null) {
            if (x == null) {
                throw new UserInputException("--function needs --x: where to sample it, e.g. --x 0:3:1 or --x 0,1,2,3");
            }
            if (truth != null) {
                throw new UserInputException("--truth goes with --data FILE; a --function is its own truth");
            }
            truthFormula = Formula.parse("--function", function);
            return FormulaData.sample(truthFormula, XSpec.parse("--x", x), "--x " + x);
        }
        if (x != null) {
            throw new UserInputException("--x goes with --function (to read x from a file, use --data FILE)");
        }
        ArticleData article = articleData();
        if (article != null) {
            if (truth != null) {
                throw new UserInputException("--truth goes with --data FILE; the article's " + article.id()
                        + " data has its own truth, y = " + article.truth().formula());
            }
            return article.dataset();
        }
        if (data.isBlank()) {
            throw new UserInputException("--data is empty; give linear, quadratic or a CSV file");
        }
        truthFormula = truth == null ? null : Formula.parse("--truth", truth);
        DataPoints points = CsvData.read(Path.of(data), truthFormula == null ? null : truthFormula.truth());
        if (truthFormula != null) {
            truthFormula.requireDefined(points.x());
        }
        return points;
    }

    /** The CSV file {@code --data} names, if it names one: an input no output may replace. */
    public java.util.Optional<Path> file() {
        return function == null && articleData() == null && !data.isBlank()
                ? java.util.Optional.of(Path.of(data)) : java.util.Optional.empty();
    }

    /** The article's data set named by {@code --data}, or null when it names a file. */
    private ArticleData articleData() {
        if (data == null) {
            return ArticleData.QUADRATIC;
        }
        for (ArticleData a : ArticleData.values()) {
            if (a.id().equals(data.strip().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }

    /** Where the report measures the trained net: the article's setting for its data, else from the data. */
    public Extrapolation extrapolation(DataPoints points) {
        Range interp = interpolation == null ? null : range("--interpolation", interpolation, true);
        Range extrap = extrapolation == null ? null : range("--extrapolation", extrapolation, false);
        float[] probePoints = probes == null ? null : XSpec.parse("--probes", probes);
        Extrapolation result;
        if (function == null && articleData() != null) {
            Extrapolation article = Extrapolation.article();
            result = new Extrapolation(
                    probePoints != null ? probePoints : article.probes(),
                    interp != null ? interp : article.interpolation(),
                    extrap != null ? extrap : article.extrapolation());
        } else {
            result = Extrapolation.forData(points.minX(), points.maxX(), interp, extrap, probePoints);
        }
        if (truthFormula != null) {
            try {
                truthFormula.requireDefined(result.evaluationPoints());
            } catch (InvalidDataException e) {
                throw new UserInputException(e.getMessage() + ", where the extrapolation report evaluates it"
                        + " (choose --interpolation, --extrapolation and --probes inside its domain)");
            }
        }
        return result;
    }

    private static Range range(String option, String text, boolean includeFrom) {
        double[] interval = XSpec.interval(option, text);
        return new Range(interval[0], interval[1], includeFrom);
    }
}
