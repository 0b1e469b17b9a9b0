package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.Adam(fit.parameters(), lr=lr)} with PyTorch's defaults (betas (0.9, 0.999),
 * eps 1e-8, no weight decay, no amsgrad), as its single-tensor implementation computes it:
 *
 * <pre>
 * exp_avg.lerp_(grad, 1 - beta1)                                m ← m + (1 − β1)(g − m)
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)  v ← β2·v + (1 − β2)·g²
 * bias_correction1 = 1 - beta1 ** step                          (in double, as Python does)
 * bias_correction2 = 1 - beta2 ** step
 * step_size = lr / bias_correction1
 * denom = (exp_avg_sq.sqrt() / bias_correction2 ** 0.5).add_(eps)
 * param.addcdiv_(exp_avg, denom, value=-step_size)              p ← p − step_size · m / denom
 * </pre>
 *
 * The moments are made once, here; the constants are NDArrays made once; the two per-step
 * scalars (step size and √bias_correction2) are made in the step's own scope and freed with it.
 */
public final class AdamOptimizer implements Optimizer {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final List<NDArray> parameters;
    private final List<NDArray> expAvg = new ArrayList<>();
    private final List<NDArray> expAvgSq = new ArrayList<>();
    private final NDManager manager;
    private final double learningRate;
    private final NDArray beta2;
    private final NDArray oneMinusBeta1;
    private final NDArray oneMinusBeta2;
    private final NDArray eps;
    private int step;

    public AdamOptimizer(List<NDArray> parameters, float learningRate, NDManager manager) {
        this.parameters = List.copyOf(parameters);
        this.manager = manager;
        this.learningRate = learningRate;
        for (NDArray p : this.parameters) {
            expAvg.add(manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
            expAvgSq.add(manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
        }
        beta2 = manager.create((float) BETA2);
        oneMinusBeta1 = manager.create((float) (1 - BETA1));
        oneMinusBeta2 = manager.create((float) (1 - BETA2));
        eps = manager.create((float) EPS);
    }

    @Override
    public void step() {
        step++;
        double biasCorrection1 = 1 - Math.pow(BETA1, step);
        double biasCorrection2 = 1 - Math.pow(BETA2, step);
        try (NDScope scope = new NDScope();
                Autograd.Mode noGrad = Autograd.noGrad()) {
            NDArray stepSize = manager.create((float) (learningRate / biasCorrection1));
            NDArray biasCorrection2Sqrt = manager.create((float) Math.sqrt(biasCorrection2));
            for (int i = 0; i < parameters.size(); i++) {
                NDArray p = parameters.get(i);
                NDArray m = expAvg.get(i);
                NDArray v = expAvgSq.get(i);
                NDArray grad = p.getGradient();
                // Temporaries are updated in place: one new array per chain, not one per op.
                m.addi(grad.sub(m).muli(oneMinusBeta1));
                v.muli(beta2).addi(grad.square().muli(oneMinusBeta2));
                NDArray denom = v.sqrt().divi(biasCorrection2Sqrt).addi(eps);
                p.subi(m.div(denom).muli(stepSize));
            }
        }
    }

    @Override
    public void zeroGrad() {
        for (NDArray p : parameters) {
            Autograd.zeroGrad(p);
        }
    }

    @Override
    public void close() {
        expAvg.forEach(NDArray::close);
        expAvgSq.forEach(NDArray::close);
        beta2.close();
        oneMinusBeta1.close();
        oneMinusBeta2.close();
        eps.close();
    }
}
