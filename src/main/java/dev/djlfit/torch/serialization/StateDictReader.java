package dev.djlfit.torch.serialization;

import dev.djlfit.torch.TensorValues;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a state_dict that {@code torch.save(model.state_dict(), f)} wrote (PyTorch 1.6 and
 * later): the names in the file's order, each tensor's values as float32 in row-major order,
 * whatever its view of its storage (offset, strides, a storage shared with other tensors).
 */
final class StateDictReader {

    private StateDictReader() {}

    static Map<String, TensorValues> read(Path path) {
        try (TorchArchive archive = TorchArchive.open(path)) {
            Object saved;
            try {
                saved = new PickleReader(archive.dataPkl(), new StateDictUnpickling()).load();
            } catch (PickleException e) {
                throw new PthFileException(archive.file() + " cannot be read: its data.pkl " + e.getMessage());
            }
            if (!(saved instanceof Map<?, ?> entries)) {
                throw new PthFileException(archive.file() + " holds " + whatInstead(saved) + ", not a state_dict;"
                        + " save model.state_dict() with torch.save");
            }
            StorageGather gather = new StorageGather(archive);
            Map<String, TensorValues> state = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new PthFileException(archive.file() + " holds a dict keyed by " + PythonWords.describe(entry.getKey())
                            + ", not a state_dict (names to tensors)");
                }
                if (!(entry.getValue() instanceof TensorRecord tensor)) {
                    throw new PthFileException(archive.file() + ": '" + name + "' is " + PythonWords.describe(entry.getValue())
                            + ", not a tensor; only a state_dict (names to tensors) loads here, not a checkpoint of other things");
                }
                state.put(name, gather.values(name, tensor));
            }
            return Collections.unmodifiableMap(state);
        }
    }

    private static String whatInstead(Object saved) {
        if (saved instanceof TensorRecord) {
            return "a single tensor";
        }
        if (saved instanceof PyObject object) {
            return "a pickled " + object.callable().name() + " object (" + object.callable()
                    + ", as torch.save(model) writes)";
        }
        return PythonWords.describe(saved);
    }
}
