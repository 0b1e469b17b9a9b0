package dev.djlfit.torch.serialization;

import dev.djlfit.torch.TensorValues;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a tensor's elements out of its storage into row-major float32 values. Storages are
 * read from the archive once, however many tensors view them. A value float32 does not hold
 * exactly is refused, not rounded.
 */
final class StorageGather {

    private final TorchArchive archive;
    private final ByteOrder order;
    private final Map<String, ByteBuffer> storages = new HashMap<>();

    StorageGather(TorchArchive archive) {
        this.archive = archive;
        this.order = archive.byteOrder();
    }

    TensorValues values(String name, TensorRecord tensor) {
        StorageRef ref = tensor.storage();
        StorageDtype dtype = ref.dtype();
        if (dtype == null) {
            throw new PthFileException(archive.file() + ": tensor '" + name + "' is stored as torch." + ref.storageClass()
                    + ", which does not load here (float32 does, and other real types when float32 holds their values)");
        }
        long numel;
        long last;
        try {
            numel = tensor.numel();
            last = lastIndex(tensor);
        } catch (ArithmeticException e) {
            throw new PthFileException(archive.file() + " is damaged: tensor '" + name + "' has sizes too large to exist");
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new PthFileException(archive.file() + ": tensor '" + name + "' has " + numel
                    + " elements, more than one tensor here can hold");
        }
        ByteBuffer storage = storages.computeIfAbsent(ref.key(), key -> ByteBuffer.wrap(archive.storage(key)).order(order));
        long elements = storage.capacity() / dtype.bytes();
        if (numel > 0 && last >= elements) {
            throw new PthFileException(archive.file() + " is damaged or cut short: tensor '" + name + "' reads element "
                    + last + " of its storage data/" + ref.key() + ", which holds " + elements);
        }
        float[] values = new float[(int) numel];
        if (dtype == StorageDtype.FLOAT32 && tensor.contiguous()) {
            storage.duplicate().order(order).position(Math.toIntExact(tensor.offset() * Float.BYTES))
                    .slice().order(order).asFloatBuffer().get(values);
        } else {
            gather(name, tensor, dtype, storage, values);
        }
        return new TensorValues(tensor.size(), values);
    }

    private void gather(String name, TensorRecord tensor, StorageDtype dtype, ByteBuffer storage, float[] values) {
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long[] index = new long[size.length];
        long at = tensor.offset();
        for (int i = 0; i < values.length; i++) {
            if (!dtype.exactInFloat32(storage, at)) {
                throw new PthFileException(archive.file() + ": tensor '" + name + "' is " + dtype.dtypeName()
                        + " and its value " + dtype.repr(storage, at) + " has no exact float32; save it as float32"
                        + " in PyTorch (model.float()) to load it here");
            }
            values[i] = dtype.readFloat(storage, at);
            for (int d = size.length - 1; d >= 0; d--) {
                index[d]++;
                at += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                at -= stride[d] * size[d];
                index[d] = 0;
            }
        }
    }

    private static long lastIndex(TensorRecord tensor) {
        long last = tensor.offset();
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        for (int d = 0; d < size.length; d++) {
            if (size[d] > 0) {
                last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
            }
        }
        return last;
    }
}
