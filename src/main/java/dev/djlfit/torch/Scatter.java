package dev.djlfit.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * {@code Tensor.scatter_(dim, index, value)}, in place: {@code self[index[i]][...] = value} along
 * {@code dim}, as the transforms tutorial builds a one-hot target:
 * {@code Scatter.scatter_(Torch.zeros(m, 10), 0, m.create((long) y), 1)} for
 * {@code torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)}. DJL's own
 * {@code scatter} returns a new array and takes the values as an array.
 */
public final class Scatter {

    private Scatter() {}

    /** Writes {@code value} at {@code index} along {@code dim}; returns {@code self}. */
    public static NDArray scatter_(NDArray self, int dim, NDArray index, double value) {
        NDArray typed;
        try (NDArray scalar = self.getManager().create(value)) {
            typed = scalar.toType(self.getDataType(), true);
        }
        try (NDArray values = typed.broadcast(index.getShape())) {
            return scatter_(self, dim, index, values);
        } finally {
            typed.close();
        }
    }

    /** {@code self.scatter_(dim, index, src)}: writes {@code src}'s values at {@code index}; returns {@code self}. */
    public static NDArray scatter_(NDArray self, int dim, NDArray index, NDArray src) {
        NDArray result = self.scatter(index, src, dim);
        ((PtNDArray) self).intern(result);
        return self;
    }
}
