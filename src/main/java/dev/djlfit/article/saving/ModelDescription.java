package dev.djlfit.article.saving;

import dev.djlfit.article.Architecture;
import dev.djlfit.article.ModelKind;
import dev.djlfit.article.Nonlinearity;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.djlfit.io.BoundedJson;
import dev.djlfit.io.InvalidJsonException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code model.json}: what a saved net is, readable by a person and checked on loading against
 * the parameter file it describes.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param architecture the net's shape
 * @param parameterFile the DJL parameter file beside it
 * @param parameterFileSha256 that file's SHA-256, so a changed or swapped file is noticed
 * @param parameters name (PyTorch's and DJL's) and shape of every parameter, in order
 * @param scaling how inputs and outputs are standardised
 * @param training how the net was trained
 * @param data what it was trained on
 * @param engine what computed it
 */
public record ModelDescription(
        String format,
        int formatVersion,
        ArchitectureInfo architecture,
        String parameterFile,
        String parameterFileSha256,
        List<ParameterInfo> parameters,
        ScalingInfo scaling,
        TrainingInfo training,
        DataInfo data,
        String engine) {

    public static final String FORMAT = "djl-fit saved model";
    public static final int FORMAT_VERSION = 1;
    /** The most bytes a {@value SaveTarget#DESCRIPTION} may have; djl-fit's own are a few KiB even for deep nets. */
    public static final long MAX_BYTES = 16L << 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** @param model linear, tanh or deep, as {@code --model} names it */
    public record ArchitectureInfo(String model, int[] widths, String activation, String layers) {}

    public record ParameterInfo(String name, String djlName, long[] shape) {}

    public record ScalingInfo(boolean normalized, double xMean, double xScale, double yMean, double yScale) {}

    public record TrainingInfo(String optimizer, float learningRate, int steps, int seed, double finalLoss) {}

    /** @param truth the known true function, or null */
    public record DataInfo(String name, int points, double xMin, double xMax, String truth) {}

    public String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /**
     * @throws SavedModelException where the text is not such a description
     */
    public static ModelDescription fromJson(String json, String where) {
        ModelDescription d;
        try {
            d = GSON.fromJson(BoundedJson.parse(json, where), ModelDescription.class);
        } catch (InvalidJsonException e) {
            String why = e.getMessage().startsWith(where + " ") ? e.getMessage().substring(where.length() + 1)
                    : e.getMessage();
            throw new SavedModelException(where + " is corrupt (not the JSON of a saved model): it " + why);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new SavedModelException(where + " is corrupt (not the JSON of a saved model): " + firstLine(e));
        }
        if (d == null) {
            throw new SavedModelException(where + " is empty");
        }
        if (!FORMAT.equals(d.format)) {
            throw new SavedModelException(where + " is not a djl-fit model description (format is "
                    + (d.format == null ? "missing" : "'" + d.format + "'") + ")");
        }
        if (d.formatVersion != FORMAT_VERSION) {
            throw new SavedModelException(where + " has format version " + d.formatVersion
                    + "; this djl-fit reads version " + FORMAT_VERSION);
        }
        require(d.architecture != null && d.architecture.widths != null, where, "architecture");
        require(d.parameterFile != null, where, "parameterFile");
        require(d.parameterFileSha256 != null, where, "parameterFileSha256");
        require(d.parameters != null, where, "parameters");
        require(d.scaling != null, where, "scaling");
        return d;
    }

    private static void require(boolean present, String where, String field) {
        if (!present) {
            throw new SavedModelException(where + " is corrupt: '" + field + "' is missing");
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Gson wraps the parser's exception: "java.io.EOFException: End of input at line 2 ..."
        return m.lines().findFirst().orElse("").replaceFirst("^([a-z]+\\.)+[A-Za-z]+(Exception|Error): ", "");
    }

    /** The architecture it names, checked: widths, activation, and the parameter list that goes with them. */
    public Architecture checkedArchitecture(String where) {
        int[] widths = architecture.widths;
        Nonlinearity activation = null;
        if (architecture.activation != null) {
            try {
                activation = Nonlinearity.valueOf(architecture.activation.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SavedModelException(where + " names an unknown activation '" + architecture.activation + "'");
            }
        }
        Architecture arch;
        try {
            arch = new Architecture(widths, activation);
        } catch (IllegalArgumentException e) {
            throw new SavedModelException(where + " describes an impossible net: " + e.getMessage());
        }
        if (widths[0] != 1 || widths[widths.length - 1] != 1) {
            throw new SavedModelException(where + " describes a net with " + widths[0] + " input(s) and "
                    + widths[widths.length - 1] + " output(s); djl-fit fits functions of one x to one y");
        }
        requireKind(where, arch);
        List<ParameterInfo> expected = parametersOf(arch);
        if (parameters.size() != expected.size()) {
            throw new SavedModelException(where + " lists " + parameters.size() + " parameters but its architecture "
                    + arch.describe() + " has " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            ParameterInfo want = expected.get(i);
            ParameterInfo have = parameters.get(i);
            if (have == null || !want.name.equals(have.name) || !want.djlName.equals(have.djlName)
                    || !Arrays.equals(want.shape, have.shape)) {
                throw new SavedModelException(where + " lists parameter " + (i + 1) + " as "
                        + (have == null ? "nothing" : have.name + " (" + have.djlName + ") " + Arrays.toString(have.shape))
                        + " but its architecture " + arch.describe() + " has " + want.name + " (" + want.djlName + ") "
                        + Arrays.toString(want.shape));
            }
        }
        return arch;
    }

    /** The model kind it names is one djl-fit knows, and the one its widths and activation make. */
    private void requireKind(String where, Architecture arch) {
        String named = architecture.model;
        List<String> known = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            known.add(kind.id());
        }
        known.add("custom");
        if (named == null) {
            throw new SavedModelException(where + " is corrupt: 'architecture.model' is missing");
        }
        if (!known.contains(named)) {
            throw new SavedModelException(where + " names an unknown model kind '" + named + "'; djl-fit knows "
                    + String.join(", ", known));
        }
        String actual = modelName(arch);
        if (!named.equals(actual)) {
            throw new SavedModelException(where + " names model kind '" + named + "' but its widths "
                    + Arrays.toString(architecture.widths) + " and activation make a '" + actual + "' net");
        }
    }

    /** Every parameter of an architecture, in order, with PyTorch's and DJL's names and its shape. */
    public static List<ParameterInfo> parametersOf(Architecture architecture) {
        List<String> names = architecture.parameterNames();
        List<String> djlNames = DjlParameterFile.djlNames(architecture);
        List<ParameterInfo> out = new ArrayList<>();
        for (int layer = 0; layer < architecture.layerCount(); layer++) {
            long o = architecture.outFeatures(layer);
            long in = architecture.inFeatures(layer);
            out.add(new ParameterInfo(names.get(2 * layer), djlNames.get(2 * layer), new long[] {o, in}));
            out.add(new ParameterInfo(names.get(2 * layer + 1), djlNames.get(2 * layer + 1), new long[] {o}));
        }
        return out;
    }

    /** The model kind {@code --model} would name for this architecture, or {@code custom}. */
    public static String modelName(Architecture architecture) {
        for (ModelKind kind : ModelKind.values()) {
            int hidden = architecture.widths().length > 1 ? architecture.widths()[1] : 1;
            Nonlinearity act = architecture.activationOrNull() == null ? Nonlinearity.TANH : architecture.activationOrNull();
            if (kind.architecture(hidden, act).equals(architecture)) {
                return kind.id();
            }
        }
        return "custom";
    }
}
