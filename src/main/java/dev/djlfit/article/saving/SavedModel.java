package dev.djlfit.article.saving;

import dev.djlfit.article.Architecture;
import dev.djlfit.article.Footprint;
import dev.djlfit.article.Nonlinearity;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import dev.djlfit.io.CannotReadException;
import dev.djlfit.io.TextInput;
import dev.djlfit.article.data.Scaling;
import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained net on disk: a directory with DJL's parameter file ({@value DjlParameterFile#FILE_NAME})
 * and its description ({@value SaveTarget#DESCRIPTION}). Loading checks that the two agree: the
 * description is complete and consistent, the file holds exactly the parameters it lists with the
 * shapes it lists, and the file's checksum is the one recorded when it was saved.
 *
 * @param description what {@code model.json} says
 * @param architecture the net
 * @param parameters its values under PyTorch's names
 * @param scaling how x goes in and y comes out
 */
public record SavedModel(
        ModelDescription description, Architecture architecture, Map<String, TensorValues> parameters, Scaling scaling) {

    /** Writes the net and its description into the target, as {@link SaveTarget#save} switches models. */
    public static void write(
            SaveTarget target,
            Architecture architecture,
            Map<String, TensorValues> parameters,
            Scaling scaling,
            ModelDescription.TrainingInfo training,
            ModelDescription.DataInfo data) throws IOException {
        target.save((staging, parameterFile) -> {
            Path file = DjlParameterFile.write(staging, parameterFile, architecture, parameters);
            return describe(architecture, parameterFile, sha256(file), scaling, training, data).toJson();
        });
    }

    private static ModelDescription describe(Architecture architecture, String parameterFile, String sha256,
            Scaling scaling, ModelDescription.TrainingInfo training, ModelDescription.DataInfo data) {
        return new ModelDescription(
                ModelDescription.FORMAT,
                ModelDescription.FORMAT_VERSION,
                new ModelDescription.ArchitectureInfo(
                        ModelDescription.modelName(architecture),
                        architecture.widths(),
                        architecture.activation().map(Nonlinearity::id).orElse(null),
                        architecture.describe()),
                parameterFile,
                sha256,
                ModelDescription.parametersOf(architecture),
                new ModelDescription.ScalingInfo(
                        !scaling.isIdentity(), scaling.xMean(), scaling.xScale(), scaling.yMean(), scaling.yScale()),
                training,
                data,
                "PyTorch " + Engine.getInstance().getVersion() + " via DJL " + Engine.getDjlVersion());
    }

    /**
     * @throws SavedModelException where {@code dir} is not a complete, consistent saved model
     */
    public static SavedModel load(Path dir) {
        String shown = "model directory " + dir;
        if (!Files.exists(dir)) {
            throw new SavedModelException(shown + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new SavedModelException(shown + " is a file, not a saved model directory");
        }
        Path descriptionFile = dir.resolve(SaveTarget.DESCRIPTION);
        if (!Files.exists(descriptionFile)) {
            throw new SavedModelException(shown + " is not a saved model (it has no " + SaveTarget.DESCRIPTION
                    + "; save one with train ... --save DIR)");
        }
        requireRegularFile(descriptionFile);
        String json;
        try {
            json = TextInput.read(descriptionFile, ModelDescription.MAX_BYTES, descriptionFile.toString());
        } catch (CannotReadException e) {
            throw new SavedModelException(e.getMessage(), e);
        }
        ModelDescription description = ModelDescription.fromJson(json, descriptionFile.toString());
        Architecture architecture = description.checkedArchitecture(descriptionFile.toString());
        try {
            Footprint.prediction(architecture, 1).require("the net " + descriptionFile + " describes");
        } catch (IllegalArgumentException e) {
            throw new SavedModelException(e.getMessage(), e);
        }
        String parameterFile = description.parameterFile();
        if (!DjlParameterFile.isFileName(parameterFile)) {
            throw new SavedModelException(descriptionFile + " names parameter file '" + parameterFile
                    + "'; expected a name such as " + DjlParameterFile.FILE_NAME);
        }
        Path file = dir.resolve(parameterFile);
        if (!Files.exists(file)) {
            throw new SavedModelException(shown + " is incomplete: " + parameterFile + " is missing");
        }
        requireRegularFile(file);
        Map<String, TensorValues> values;
        try {
            values = DjlParameterFile.read(dir, parameterFile, architecture);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            String why = e instanceof java.io.EOFException ? "it ends too early: truncated"
                    : e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new SavedModelException(file + " does not hold the " + architecture.describe()
                    + " net that " + SaveTarget.DESCRIPTION + " describes (" + why + ")", e);
        }
        for (ModelDescription.ParameterInfo p : description.parameters()) {
            long[] actual = values.get(p.name()).shape();
            if (!Arrays.equals(actual, p.shape())) {
                throw new SavedModelException(file + " holds " + p.name() + " of shape " + Arrays.toString(actual)
                        + " but " + SaveTarget.DESCRIPTION + " describes " + Arrays.toString(p.shape())
                        + ": the file is from a net of another architecture than " + architecture.describe());
            }
        }
        String sum = sha256(file);
        if (!sum.equalsIgnoreCase(description.parameterFileSha256())) {
            throw new SavedModelException(file + " does not match " + SaveTarget.DESCRIPTION
                    + ": its SHA-256 differs from the one recorded when it was saved (changed or replaced since)");
        }
        ModelDescription.ScalingInfo s = description.scaling();
        Scaling scaling;
        try {
            scaling = new Scaling(s.xMean(), s.xScale(), s.yMean(), s.yScale());
        } catch (IllegalArgumentException e) {
            throw new SavedModelException(descriptionFile + " is corrupt: " + e.getMessage(), e);
        }
        return new SavedModel(description, architecture, new LinkedHashMap<>(values), scaling);
    }

    /** A device, FIFO or folder where a file should be: said so, and never read (a FIFO would block). */
    private static void requireRegularFile(Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        String what = Files.isDirectory(file) ? "a folder"
                : Files.isSymbolicLink(file) && !Files.exists(file) ? "a link to nothing"
                : "not a regular file (a device, FIFO or socket" + (Files.isSymbolicLink(file) ? ", through a link)" : ")");
        throw new SavedModelException(file + " is " + what + "; a saved model's files are regular files");
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SavedModelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
