package dev.djlfit.torch.serialization;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the names in a {@code torch.save} pickle of a state_dict stand for: an
 * {@code OrderedDict} becomes a {@link LinkedHashMap}, a rebuilt tensor (or parameter) a
 * {@link TensorRecord}, a persistent id a {@link StorageRef}. Anything else called is kept as a
 * {@link PyObject}, to be named if it turns up where a tensor should be.
 */
final class StateDictUnpickling implements PickleHooks {

    private static final PyGlobal ORDERED_DICT = new PyGlobal("collections", "OrderedDict");
    private static final String UTILS = "torch._utils";

    @Override
    public Object global(PyGlobal name) {
        return name;
    }

    @Override
    public Object call(Object callable, List<Object> args) throws PickleException {
        if (!(callable instanceof PyGlobal global)) {
            throw new PickleException("calls " + PythonWords.describe(callable) + ", which is not a name");
        }
        if (global.equals(ORDERED_DICT) && args.isEmpty()) {
            return new LinkedHashMap<Object, Object>();
        }
        if (global.module().equals(UTILS)) {
            switch (global.name()) {
                case "_rebuild_tensor_v2", "_rebuild_tensor" -> {
                    return tensor(args);
                }
                case "_rebuild_parameter", "_rebuild_parameter_with_state" -> {
                    if (!args.isEmpty() && args.get(0) instanceof TensorRecord t) {
                        return t;
                    }
                }
                default -> { }
            }
        }
        return new PyObject(global, args);
    }

    private static TensorRecord tensor(List<Object> args) throws PickleException {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
            throw new PickleException("rebuilds a tensor from arguments torch.save does not write");
        }
        long offset = integer(args.get(1));
        long[] size = integers(args.get(2));
        long[] stride = integers(args.get(3));
        if (size.length != stride.length) {
            throw new PickleException("rebuilds a tensor whose size and stride differ in length");
        }
        return new TensorRecord(storage, offset, size, stride);
    }

    @Override
    public Object build(Object target, Object state) {
        return target; // an OrderedDict's _metadata (module versions), or the state of a non-tensor object
    }

    @Override
    public Object persistentLoad(Object id) throws PickleException {
        if (id instanceof PyTuple t && t.size() >= 4 && "storage".equals(t.get(0))
                && t.get(1) instanceof PyGlobal storageType && t.get(2) instanceof String key) {
            String location = t.get(3) instanceof String s ? s : "";
            return new StorageRef(key, storageType.name(), StorageDtype.ofStorageClass(storageType.name()), location);
        }
        throw new PickleException("refers to an object outside the pickle that is not a tensor storage");
    }

    private static long integer(Object o) throws PickleException {
        if (o instanceof Long v && v >= 0) {
            return v;
        }
        throw new PickleException("rebuilds a tensor with " + PythonWords.describe(o) + " where a size or offset belongs");
    }

    private static long[] integers(Object o) throws PickleException {
        if (!(o instanceof PyTuple t)) {
            throw new PickleException("rebuilds a tensor with " + PythonWords.describe(o) + " where a size belongs");
        }
        long[] values = new long[t.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = integer(t.get(i));
        }
        return values;
    }
}
