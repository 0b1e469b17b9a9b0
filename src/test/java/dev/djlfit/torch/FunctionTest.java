package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;

/** A custom autograd {@link Function}: its gradient against finite differences and against recorded ops. */
class FunctionTest {

    /** Legendre P3: forward ½(5x³ − 3x), backward g·1.5·(5x² − 1). */
    static final class LegendrePolynomial3 extends Function {
        @Override
        protected NDArray forward(FunctionContext ctx, NDArray... inputs) {
            NDArray input = inputs[0];
            ctx.saveForBackward(input);
            return c(input, 0.5).mul(c(input, 5).mul(input.pow(c(input, 3))).sub(c(input, 3).mul(input)));
        }

        @Override
        protected NDArray[] backward(FunctionContext ctx, NDArray gradOutput) {
            NDArray input = ctx.saved(0);
            return new NDArray[] {gradOutput.mul(c(input, 1.5)).mul(c(input, 5).mul(input.pow(c(input, 2))).sub(c(input, 1)))};
        }
    }

    /** The tutorial's y = a + b·P3(c + d·x), loss = Σ(y − target)², as (a, b, c, d) gradients. */
    private static double[] gradients(NDManager m, double[] abcd, boolean useFunction, DataType type) {
        NDArray x = Torch.linspace(m, -Math.PI, Math.PI, 50).toType(type, false);
        NDArray target = x.sin();
        NDArray[] p = new NDArray[4];
        for (int i = 0; i < 4; i++) {
            p[i] = Torch.requiresGrad(Torch.scalarLike(x, abcd[i]));
        }
        try (GradMode grad = Torch.enableGrad()) {
            NDArray inner = p[2].add(p[3].mul(x));
            NDArray p3 = useFunction ? new LegendrePolynomial3().apply(inner) : recordedP3(inner);
            NDArray y = p[0].add(p[1].mul(p3));
            NDArray loss = y.sub(target).square().sum();
            Torch.backward(loss);
        }
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = Torch.grad(p[i]).toType(DataType.FLOAT64, false).getDouble();
        }
        return out;
    }

    private static NDArray recordedP3(NDArray z) {
        return c(z, 0.5).mul(c(z, 5).mul(z.pow(c(z, 3))).sub(c(z, 3).mul(z)));
    }

    private static NDArray c(NDArray like, double value) {
        return Torch.scalarLike(like, value);
    }

    private static double loss(double[] abcd) {
        double sum = 0;
        for (int i = 0; i < 50; i++) {
            double x = -Math.PI + 2 * Math.PI * i / 49;
            double z = abcd[2] + abcd[3] * x;
            double y = abcd[0] + abcd[1] * 0.5 * (5 * z * z * z - 3 * z);
            sum += (y - Math.sin(x)) * (y - Math.sin(x));
        }
        return sum;
    }

    private static final double[] START = {0.1, -0.9, 0.05, 0.3};

    @Test
    void gradientMatchesTheRecordedFormulasGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] viaFunction = gradients(m, START, true, DataType.FLOAT32);
            double[] recorded = gradients(m, START, false, DataType.FLOAT32);
            for (int i = 0; i < 4; i++) {
                assertEquals(recorded[i], viaFunction[i], 1e-5 * Math.abs(recorded[i]), "parameter " + i);
            }
            assertEquals(0, Torch.pendingFunctions(), "the backward pass consumed the tape");
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] viaFunction = gradients(m, START, true, DataType.FLOAT64);
            double h = 1e-6;
            for (int i = 0; i < 4; i++) {
                double[] up = START.clone();
                double[] down = START.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (loss(up) - loss(down)) / (2 * h);
                assertEquals(numeric, viaFunction[i], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + i);
            }
        }
    }

    @Test
    void anInputAlsoUsedDirectlyGetsBothContributions() {
        // y = P3(z) + z with z = c·x: dy/dc = (P3'(z) + 1)·x
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new double[] {0.5, -1.25, 2.0});
            NDArray c = Torch.requiresGrad(m.create(0.7));
            try (GradMode grad = Torch.enableGrad()) {
                NDArray z = c.mul(x);
                Torch.backward(new LegendrePolynomial3().apply(z).add(z).sum());
            }
            double want = 0;
            for (double xi : new double[] {0.5, -1.25, 2.0}) {
                double z = 0.7 * xi;
                want += (1.5 * (5 * z * z - 1) + 1) * xi;
            }
            assertEquals(want, Torch.grad(c).getDouble(), 1e-12);
        }
    }

    @Test
    void chainedFunctionsAndNoRecordingUnderNoGrad() {
        // P3(P3(c)) : d/dc = P3'(P3(c)) · P3'(c)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = Torch.requiresGrad(m.create(0.4));
            try (GradMode grad = Torch.enableGrad()) {
                Function p3 = new LegendrePolynomial3();
                Torch.backward(p3.apply(p3.apply(c)));
            }
            double inner = 0.5 * (5 * 0.4 * 0.4 * 0.4 - 3 * 0.4);
            double want = 1.5 * (5 * inner * inner - 1) * 1.5 * (5 * 0.4 * 0.4 - 1);
            assertEquals(want, Torch.grad(c).getDouble(), 1e-12);

            NDArray d = Torch.requiresGrad(m.create(0.4));
            try (GradMode noGrad = Torch.noGrad()) {
                NDArray out = new LegendrePolynomial3().apply(d);
                assertEquals(false, Torch.isLeafRequiringGrad(out));
            }
            assertEquals(0, Torch.pendingFunctions());
            assertNull(Torch.grad(m.create(1f)));
        }
    }
}
