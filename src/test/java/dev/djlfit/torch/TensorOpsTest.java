package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The operations of the Tensors tutorial ("Learn the Basics"), written the kit's way (DJL's own
 * call where it is PyTorch's operation), against torch 1.13: dtype, shape and values, after the
 * same seed.
 */
class TensorOpsTest {

    private static final long[] SEEDS = {5, 42, 2024};

    @Tag("external")
    @Test
    void tensorsTutorialOperationsMatchPyTorch() {
        StringBuilder program = new StringBuilder("import torch\n"
                + "def show(t): print(str(t.dtype).replace('torch.', ''), tuple(t.shape),"
                + " ' '.join(repr(v) for v in t.detach().reshape(-1).tolist()))\n");
        for (long seed : SEEDS) {
            program.append("torch.manual_seed(").append(seed).append(")\n")
                    .append("x_data = torch.tensor([[1, 2], [3, 4]])\nshow(x_data)\n")
                    .append("show(torch.ones_like(x_data))\nshow(torch.zeros_like(x_data))\n")
                    .append("show(torch.rand_like(x_data, dtype=torch.float))\n")
                    .append("tensor = torch.ones(4, 4)\n")
                    .append("show(tensor[0])\nshow(tensor[:, 0])\nshow(tensor[..., -1])\n")
                    .append("tensor[:, 1] = 0\nshow(tensor)\n")
                    .append("show(torch.cat([tensor, tensor, tensor], dim=1))\n")
                    .append("show(torch.cat([x_data, torch.rand(1, 2)], dim=0))\n")
                    .append("show(torch.stack([tensor[0], tensor[1]], dim=-1))\n")
                    .append("r = torch.rand(3, 4)\n")
                    .append("show(r * r)\nshow(r.mul(r))\nshow(r.T)\nshow(r.t())\n")
                    .append("show(x_data @ x_data.T)\n")
                    .append("print(repr(tensor.sum().item()))\n")
                    .append("show(r.sum(dtype=torch.float64))\nshow(x_data.sum())\n")
                    .append("ties = torch.tensor([[1., 3., 3., 2.], [7., 7., 1., 7.]])\n")
                    .append("show(ties.argmax())\nshow(ties.argmax(dim=1))\nshow(ties.argmax(dim=0))\n")
                    .append("tensor.add_(5)\nshow(tensor)\n")
                    .append("show(torch.randn_like(r))\nshow(torch.rand_like(r))\nshow(torch.randn(2))\n")
                    .append("show(r @ r.T)\n");
        }
        List<String> python = TorchPython.run(program.toString());

        List<String> java = new ArrayList<>();
        List<NDArray> products = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            for (long seed : SEEDS) {
                Torch.manualSeed(seed);
                NDArray xData = m.create(new long[][] {{1, 2}, {3, 4}});
                java.add(show(xData));
                java.add(show(xData.onesLike()));
                java.add(show(xData.zerosLike()));
                java.add(show(Torch.randLike(xData, DataType.FLOAT32)));
                NDArray tensor = Torch.ones(m, 4, 4);
                java.add(show(tensor.get("0")));
                java.add(show(tensor.get(":, 0")));
                java.add(show(tensor.get("..., -1")));
                tensor.set(new NDIndex(":, 1"), 0);
                java.add(show(tensor));
                java.add(show(Torch.cat(List.of(tensor, tensor, tensor), 1)));
                java.add(show(Torch.cat(List.of(xData, Torch.rand(m, 1, 2)), 0)));
                java.add(show(Torch.stack(List.of(tensor.get("0"), tensor.get("1")), -1)));
                NDArray r = Torch.rand(m, 3, 4);
                java.add(show(r.mul(r)));
                java.add(show(r.mul(r)));
                java.add(show(r.transpose()));
                java.add(show(r.transpose()));
                java.add(show(xData.matMul(xData.transpose())));
                java.add(PyFormat.repr(Torch.item(tensor.sum())));
                java.add(show(Torch.sum(r, DataType.FLOAT64)));
                java.add(show(xData.sum()));
                NDArray ties = m.create(new float[][] {{1, 3, 3, 2}, {7, 7, 1, 7}});
                java.add(show(ties.argMax()));
                java.add(show(ties.argMax(1)));
                java.add(show(ties.argMax(0)));
                tensor.addi(5);
                java.add(show(tensor));
                java.add(show(Torch.randnLike(r)));
                java.add(show(Torch.randLike(r)));
                java.add(show(Torch.randn(m, 2)));
                products.add(r.matMul(r.transpose()));
                java.add(null);
            }
            assertEquals(python.size(), java.size());
            int product = 0;
            for (int i = 0; i < java.size(); i++) {
                if (java.get(i) == null) {
                    // a float matrix product: libtorch 2.5.1's BLAS and 1.13's generic one may round
                    // a dot product's partial sums in another order; an ulp at most on these sizes
                    assertFloatProduct(python.get(i), products.get(product++));
                } else {
                    assertEquals(python.get(i), java.get(i), "line " + i);
                }
            }
        }
    }

    private static void assertFloatProduct(String pythonLine, NDArray product) {
        String[] parts = pythonLine.split(" ", 4);
        assertEquals("float32 (3, 3)", parts[0] + " " + parts[1] + " " + parts[2]);
        double[] expected = TorchPython.numbers(parts[3]);
        float[] actual = product.toFloatArray();
        for (int k = 0; k < actual.length; k++) {
            float e = (float) expected[k];
            assertTrue(Math.abs(e - actual[k]) <= Math.ulp(e), () -> "r @ r.T: PyTorch " + pythonLine + ", kit " + product);
        }
    }

    @Test
    void joiningMismatchedShapesIsAnErrorNamingThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("cat: shapes (4, 4) and (3, 3) do not agree outside dim 1",
                    assertThrows(IllegalArgumentException.class,
                            () -> Torch.cat(List.of(Torch.ones(m, 4, 4), Torch.ones(m, 3, 3)), 1)).getMessage());
            assertEquals("stack: shapes (4) and (3) do not agree (stack needs equal shapes)",
                    assertThrows(IllegalArgumentException.class,
                            () -> Torch.stack(List.of(Torch.ones(m, 4), Torch.ones(m, 3)), 0)).getMessage());
            assertEquals("rand_like: draws need a floating-point dtype, not int64; pass one, as"
                    + " torch.rand_like(x, dtype=torch.float) does",
                    assertThrows(IllegalArgumentException.class,
                            () -> Torch.randLike(m.create(new long[] {1, 2}))).getMessage());
        }
    }

    /** dtype, shape tuple and values as the Python side prints them. */
    private static String show(NDArray t) {
        StringBuilder s = new StringBuilder(t.getDataType().toString()).append(" (");
        long[] shape = t.getShape().getShape();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",) " : ") ");
        List<String> values = new ArrayList<>();
        switch (t.getDataType()) {
            case INT64 -> {
                for (long v : t.toLongArray()) {
                    values.add(Long.toString(v));
                }
            }
            case FLOAT64 -> {
                for (double v : t.toDoubleArray()) {
                    values.add(PyFormat.repr(v));
                }
            }
            default -> {
                for (float v : t.toFloatArray()) {
                    values.add(PyFormat.repr((double) v));
                }
            }
        }
        return s.append(String.join(" ", values)).toString();
    }
}
