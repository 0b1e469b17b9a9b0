package dev.djlfit.torch.serialization;

import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a state_dict as {@code torch.save(state_dict, f)} does (PyTorch's zip format): an
 * {@code OrderedDict} pickled into {@code <archive>/data.pkl} whose tensors are float32, each
 * contiguous and on its own storage {@code <archive>/data/<n>}, little-endian, plus
 * {@code <archive>/byteorder} and {@code <archive>/version}.
 */
final class StateDictWriter {

    /** The archive format version {@code torch.save} writes (PyTorch 1.6 to 2.x). */
    static final String FORMAT_VERSION = "3";

    /** The most float32 values one storage holds here: a Java byte array's 2 GiB. */
    static final int MAX_ELEMENTS = (Integer.MAX_VALUE - 8) / Float.BYTES;

    private StateDictWriter() {}

    static void write(Map<String, TensorValues> stateDict, String archiveName, OutputStream out) throws IOException {
        write(stateDict, archiveName, new StoredZipWriter(out));
    }

    static void write(Map<String, TensorValues> stateDict, String archiveName, StoredZipWriter zip) throws IOException {
        PickleWriter pickle = new PickleWriter();
        int storages = 0;
        pickle.global("collections", "OrderedDict").emptyTuple().reduce();
        pickle.mark();
        for (Map.Entry<String, TensorValues> entry : stateDict.entrySet()) {
            TensorValues tensor = entry.getValue();
            if (tensor.size() > MAX_ELEMENTS) {
                throw new IOException("tensor '" + entry.getKey() + "' has " + tensor.size()
                        + " values, over the 2 GiB one tensor can hold here");
            }
            String key = Integer.toString(storages++);
            pickle.string(entry.getKey());
            pickle.global("torch._utils", "_rebuild_tensor_v2");
            pickle.mark();
            pickle.mark()
                    .string("storage")
                    .global("torch", StorageDtype.FLOAT32.storageClass())
                    .string(key)
                    .string("cpu")
                    .integer(tensor.size())
                    .tupleFromMark()
                    .persistentId();
            pickle.integer(0); // storage offset
            pickle.tupleOf(tensor.shape());
            pickle.tupleOf(Strides.contiguous(tensor.shape()));
            pickle.bool(false); // requires_grad
            pickle.global("collections", "OrderedDict").emptyTuple().reduce(); // backward hooks
            pickle.tupleFromMark().reduce();
        }
        pickle.setItemsFromMark();
        byte[] dataPkl = pickle.stop();

        zip.add(archiveName + "/data.pkl", dataPkl);
        zip.add(archiveName + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        int key = 0;
        for (TensorValues tensor : stateDict.values()) { // one storage in memory at a time
            zip.add(archiveName + "/data/" + key++, littleEndian(tensor.values()));
        }
        zip.add(archiveName + "/version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
