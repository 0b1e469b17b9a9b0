package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorAttributes;
import dev.djlfit.torch.Torch;

import java.util.List;
import java.util.Map;

/**
 * basics/tensorqs_tutorial.py: making tensors, their attributes, indexing, joining, arithmetic,
 * {@code item()}, in-place operations. The NumPy bridge becomes Java arrays, which are copies:
 * the port says so and copies again where the original's shared memory shows the change.
 */
final class Tensors implements Program {

    @Override
    public String name() {
        return "tensors";
    }

    @Override
    public String original() {
        return "beginner_source/basics/tensorqs_tutorial.py";
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            long[][] data = {{1, 2}, {3, 4}};
            NDArray xData = m.create(data);

            long[][] npArray = data.clone();
            NDArray xNp = m.create(npArray);

            NDArray xOnes = xData.onesLike();
            run.print(PyFormat.format("Ones Tensor: \n {} \n", xOnes));

            NDArray xRand = Torch.randLike(xData, DataType.FLOAT32);
            run.print(PyFormat.format("Random Tensor: \n {} \n", xRand));

            long[] shape = {2, 3};
            NDArray randTensor = Torch.rand(m, shape);
            NDArray onesTensor = Torch.ones(m, shape);
            NDArray zerosTensor = Torch.zeros(m, shape);

            run.print(PyFormat.format("Random Tensor: \n {} \n", randTensor));
            run.print(PyFormat.format("Ones Tensor: \n {} \n", onesTensor));
            run.print(PyFormat.format("Zeros Tensor: \n {}", zerosTensor));

            NDArray tensor = Torch.rand(m, 3, 4);

            run.print(PyFormat.format("Shape of tensor: {}", TensorAttributes.shape(tensor)));
            run.print(PyFormat.format("Datatype of tensor: {}", TensorAttributes.dtype(tensor)));
            run.print(PyFormat.format("Device tensor is stored on: {}", tensor.getDevice().getDeviceType()));

            run.print("(no tensor.to('cuda'): this port computes on the CPU, where the original stays without a GPU)");

            tensor = Torch.ones(m, 4, 4);
            run.print("First row: ", tensor.get("0"));
            run.print("First column: ", tensor.get(":, 0"));
            run.print("Last column:", tensor.get("..., -1"));
            tensor.set(new NDIndex(":, 1"), 0);
            run.print(tensor);

            NDArray t1 = Torch.cat(List.of(tensor, tensor, tensor), 1);
            run.print(t1);

            NDArray y1 = tensor.matMul(tensor.transpose());
            NDArray y2 = tensor.matMul(tensor.transpose());

            NDArray y3 = Torch.randLike(tensor);
            y3.set(new NDIndex("..."), tensor.matMul(tensor.transpose()));

            NDArray z1 = tensor.mul(tensor);
            NDArray z2 = tensor.mul(tensor);

            NDArray z3 = Torch.randLike(tensor);
            z3.set(new NDIndex("..."), tensor.mul(tensor));

            NDArray agg = tensor.sum();
            double aggItem = Torch.item(agg);
            run.print(aggItem, pythonType(aggItem));

            run.print(tensor, "\n");
            tensor.addi(5);
            run.print(tensor);

            run.print("(NumPy bridge: a Java array is a copy of the tensor, never a view; so each change is copied"
                    + " across again below, where NumPy shares the memory)");
            NDArray t = Torch.ones(m, 5);
            run.print(PyFormat.format("t: {}", t));
            float[] n = t.toFloatArray();
            run.print(PyFormat.format("n: {}", numpy(n)));

            t.addi(1);
            run.print(PyFormat.format("t: {}", t));
            n = t.toFloatArray();
            run.print(PyFormat.format("n: {}", numpy(n)));

            double[] n64 = {1, 1, 1, 1, 1};
            NDArray t64 = m.create(n64);

            for (int i = 0; i < n64.length; i++) {
                n64[i] += 1;
            }
            t64 = m.create(n64);
            run.print(PyFormat.format("t: {}", t64));
            run.loaded(Map.of());
            run.last(PyFormat.format("n: {}", numpy(n64)));
        }
    }

    /** {@code type(x)} as Python prints it, for the Java value that stands for a Python one. */
    static String pythonType(Object value) {
        return value instanceof Double || value instanceof Float ? "<class 'float'>"
                : value instanceof Long || value instanceof Integer ? "<class 'int'>" : "<class 'object'>";
    }

    /** {@code str(ndarray)} of a 1-d float array, as NumPy prints it: {@code [1. 1. 1.]}. */
    static String numpy(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return numpy(wide);
    }

    /** {@code str(ndarray)} of a 1-d float64 array of whole numbers ({@code [2. 2. 2.]}), or of any values by their repr. */
    static String numpy(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            out.append(i > 0 ? " " : "").append(v == Math.rint(v) && Math.abs(v) < 1e16
                    ? (long) v + "." : PyFormat.repr(v));
        }
        return out.append(']').toString();
    }
}
