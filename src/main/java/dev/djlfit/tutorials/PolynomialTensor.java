package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import dev.djlfit.program.SinFitEvaluation;
import dev.djlfit.program.ExtrapolationSummary;
import static dev.djlfit.torch.Pow.pow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;

import java.util.Map;
import java.util.Optional;

/** examples_tensor/polynomial_tensor.py: the cubic fitted to sin with gradients written by hand. */
final class PolynomialTensor implements Program {

    @Override
    public String name() {
        return "polynomial-tensor";
    }

    @Override
    public String original() {
        return "beginner_source/examples_tensor/polynomial_tensor.py";
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] xy = run.sinInputs(m);
            NDArray x = xy[0];
            NDArray y = xy[1];

            NDArray a = Torch.randn(m);
            NDArray b = Torch.randn(m);
            NDArray c = Torch.randn(m);
            NDArray d = Torch.randn(m);

            NDArray learningRate = Torch.scalar(m, 1e-6f);
            NDArray minusTwo = Torch.scalar(m, -2.0f);
            run.loop(Harness.named("a b c d", a, b, c, d), t -> {
                NDArray yPred = a.add(b.mul(x)).add(c.mul(pow(x, 2))).add(d.mul(pow(x, 3)));

                double loss = Torch.item(yPred.sub(y).square().sum());
                if (t % 100 == 99) {
                    run.printLoss(t, loss);
                }

                NDArray gradYPred = minusTwo.mul(y.sub(yPred));
                NDArray gradA = gradYPred.sum();
                NDArray gradB = gradYPred.matMul(x).sum();
                NDArray gradC = gradYPred.matMul(pow(x, 2)).sum();
                NDArray gradD = gradYPred.matMul(pow(x, 3)).sum();

                a.subi(learningRate.mul(gradA));
                b.subi(learningRate.mul(gradB));
                c.subi(learningRate.mul(gradC));
                d.subi(learningRate.mul(gradD));
            });

            run.result(Harness.named("a b c d", a, b, c, d), Results.cubic(a, b, c, d));
        }
    }

    @Override
    public Optional<ExtrapolationSummary> extrapolation(Map<String, TensorValues> p) {
        return Optional.of(SinFitEvaluation.evaluate(Results.cubicFit(p)));
    }
}
