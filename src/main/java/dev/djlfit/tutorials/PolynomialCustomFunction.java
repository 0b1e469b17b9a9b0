package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import dev.djlfit.program.SinFit;
import static dev.djlfit.torch.Pow.pow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.torch.Function;
import dev.djlfit.torch.FunctionContext;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.Map;
import java.util.Optional;

/**
 * examples_autograd/polynomial_custom_function.py: y = a + b·P3(c + d·x), with the Legendre
 * polynomial P3 an autograd Function whose backward is written by hand.
 */
final class PolynomialCustomFunction implements Program {

    /** P3(z) = ½(5z³ − 3z); backward: g · 1.5 · (5z² − 1). */
    static final class LegendrePolynomial3 extends Function {
        private final NDArray half;
        private final NDArray five;
        private final NDArray three;
        private final NDArray oneAndHalf;
        private final NDArray one;

        LegendrePolynomial3(NDManager m) {
            half = Torch.scalar(m, 0.5f);
            five = Torch.scalar(m, 5f);
            three = Torch.scalar(m, 3f);
            oneAndHalf = Torch.scalar(m, 1.5f);
            one = Torch.scalar(m, 1f);
        }

        @Override
        protected NDArray forward(FunctionContext ctx, NDArray... inputs) {
            NDArray input = inputs[0];
            ctx.saveForBackward(input);
            return half.mul(five.mul(pow(input, 3)).sub(three.mul(input)));
        }

        @Override
        protected NDArray[] backward(FunctionContext ctx, NDArray gradOutput) {
            NDArray input = ctx.saved(0);
            return new NDArray[] {gradOutput.mul(oneAndHalf).mul(five.mul(pow(input, 2)).sub(one))};
        }
    }

    @Override
    public String name() {
        return "polynomial-custom-function";
    }

    @Override
    public String original() {
        return "beginner_source/examples_autograd/polynomial_custom_function.py";
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            NDArray a = Torch.requiresGrad(Torch.full(m, new Shape(), 0.0f));
            NDArray b = Torch.requiresGrad(Torch.full(m, new Shape(), -1.0f));
            NDArray c = Torch.requiresGrad(Torch.full(m, new Shape(), 0.0f));
            NDArray d = Torch.requiresGrad(Torch.full(m, new Shape(), 0.3f));

            NDArray learningRate = Torch.scalar(m, 5e-6f);
            Function p3 = new LegendrePolynomial3(m);
            run.loop(Harness.named("a b c d", a, b, c, d), t -> {
                NDArray yPred = a.add(b.mul(p3.apply(c.add(d.mul(x)))));

                NDArray loss = yPred.sub(y).square().sum();
                if (t % 100 == 99) {
                    run.printLoss(t, Torch.item(loss));
                }

                Torch.backward(loss);

                try (GradMode noGrad = Torch.noGrad()) {
                    a.subi(learningRate.mul(Torch.grad(a)));
                    b.subi(learningRate.mul(Torch.grad(b)));
                    c.subi(learningRate.mul(Torch.grad(c)));
                    d.subi(learningRate.mul(Torch.grad(d)));
                    for (NDArray p : new NDArray[] {a, b, c, d}) {
                        Torch.zeroGrad(p); // a.grad = None
                    }
                }
            });

            run.result(Harness.named("a b c d", a, b, c, d), "Result: y = " + Results.item(a) + " + "
                    + Results.item(b) + " * P3(" + Results.item(c) + " + " + Results.item(d) + " x)");
        }
    }

    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        double a = p.get("a").get(0);
        double b = p.get("b").get(0);
        double c = p.get("c").get(0);
        double d = p.get("d").get(0);
        return Optional.of(SinFitEvaluation.evaluate(new SinFit("a + b P3(c + d x)", x -> {
            double z = c + d * x;
            return a + b * 0.5 * (5 * z * z * z - 3 * z);
        })));
    }
}
