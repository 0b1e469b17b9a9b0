package dev.djlfit.torch.serialization;

import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code torch.save(state_dict, path)} and {@code torch.load(path)} for state_dicts, in
 * PyTorch's own zip format (the default since PyTorch 1.6), so that files go both ways between
 * Java and PyTorch. Every failure is a {@link PthFileException} whose message is one line naming
 * the file and what is wrong.
 *
 * <p>Saving writes float32 tensors, each contiguous on its own storage; the file loads with
 * {@code torch.load(path)} and {@code torch.load(path, weights_only=True)}. The bytes go to a
 * hidden file in the same folder, which then replaces {@code path}: a failed save leaves what was
 * there before.
 *
 * <p>Loading gives the names in the file's order and each tensor's values in row-major order, as
 * float32, whatever its view of its storage. float32, float16 and bfloat16 load exactly; float64
 * and integer or bool tensors (such as BatchNorm's int64 {@code num_batches_tracked}) load when
 * float32 holds every value exactly, and are refused, naming the tensor and its dtype, otherwise:
 * a value is never silently rounded.
 */
public final class StateDictFile {

    private StateDictFile() {}

    public static void save(Map<String, TensorValues> stateDict, Path path) {
        String file = path.toString();
        Path name = path.toAbsolutePath().getFileName();
        if (name == null) {
            throw new PthFileException("cannot save to " + file + ": it names no file");
        }
        if (Files.isDirectory(path)) {
            throw new PthFileException("cannot save to " + file + ": it is a folder");
        }
        stateDict.forEach((key, tensor) -> {
            if (key == null || tensor == null) {
                throw new PthFileException("cannot save " + file + ": the state_dict maps " + (key == null ? "no name" : "'" + key + "'")
                        + " to " + (tensor == null ? "no tensor" : "a tensor") + " (null)");
            }
        });
        Path folder = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new PthFileException("cannot save " + file + ": the folder " + folder + " does not exist");
        }
        try {
            ReplacingFileWrite.write(path, out -> StateDictWriter.write(stateDict, archiveName(name.toString()), out));
        } catch (IOException e) {
            throw new PthFileException("cannot save " + file + ": " + IoReasons.of(e) + " (nothing was written there)", e);
        }
    }

    public static Map<String, TensorValues> load(Path path) {
        return StateDictReader.read(path);
    }

    /** The folder inside the zip: the file's name up to its first dot, as {@code torch.save} names it. */
    static String archiveName(String fileName) {
        int dot = fileName.indexOf('.');
        String stem = dot >= 0 ? fileName.substring(0, dot) : fileName;
        return stem.matches("[A-Za-z0-9_-]+") ? stem : "archive";
    }
}
