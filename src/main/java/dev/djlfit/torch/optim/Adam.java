package dev.djlfit.torch.optim;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * amsgrad=False)}, as PyTorch 1.13's single-tensor implementation computes it:
 *
 * <pre>
 * grad = grad + weight_decay · param                    (if weight_decay ≠ 0)
 * exp_avg = β1 · exp_avg + (1 − β1) · grad
 * exp_avg_sq = β2 · exp_avg_sq + (1 − β2) · grad · grad
 * bias_correction1 = 1 − β1^step;  bias_correction2 = 1 − β2^step      (in double, as Python does)
 * step_size = lr / bias_correction1
 * denom = sqrt(exp_avg_sq (or its running max, amsgrad)) / sqrt(bias_correction2) + eps
 * param = param − step_size · exp_avg / denom
 * </pre>
 */
public final class Adam extends Optimizer {

    public static final double DEFAULT_LR = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final boolean amsgrad;
    private final NDArray beta1Array;
    private final NDArray beta2Array;
    private final NDArray oneMinusBeta1;
    private final NDArray oneMinusBeta2;
    private final NDArray eps;
    private final NDArray weightDecay;
    private final List<NDArray> expAvg = new ArrayList<>();
    private final List<NDArray> expAvgSq = new ArrayList<>();
    private final List<NDArray> maxExpAvgSq = new ArrayList<>();
    private final int[] parameterSteps;

    /** {@code torch.optim.Adam(params)}: lr 1e-3. */
    public Adam(List<NDArray> parameters) {
        this(parameters, DEFAULT_LR);
    }

    /** {@code torch.optim.Adam(params, lr=lr)}. */
    public Adam(List<NDArray> parameters, double lr) {
        this(parameters, lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, 0, false);
    }

    /** {@code torch.optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}. */
    public Adam(List<NDArray> parameters, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        super(parameters);
        if (!(lr >= 0) || !(eps >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || weightDecay < 0) {
            throw new IllegalArgumentException("Adam: invalid lr " + lr + ", betas (" + beta1 + ", " + beta2
                    + "), eps " + eps + " or weight_decay " + weightDecay);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.amsgrad = amsgrad;
        this.beta1Array = constant(beta1);
        this.beta2Array = constant(beta2);
        this.oneMinusBeta1 = constant(1 - beta1);
        this.oneMinusBeta2 = constant(1 - beta2);
        this.eps = constant(eps);
        this.weightDecay = weightDecay != 0 ? constant(weightDecay) : null;
        this.parameterSteps = new int[parameters().size()];
        for (NDArray p : parameters()) {
            expAvg.add(zerosLike(p));
            expAvgSq.add(zerosLike(p));
            if (amsgrad) {
                maxExpAvgSq.add(zerosLike(p));
            }
        }
    }

    @Override
    protected void update(List<NDArray> parameters, List<NDArray> gradients) {
        int scalarsStep = 0;
        NDArray stepSize = null;
        NDArray biasCorrection2Sqrt = null;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray grad = gradients.get(i);
            if (grad == null) {
                continue;
            }
            int t = ++parameterSteps[i]; // state['step'] is per parameter
            if (t != scalarsStep) { // made once per step unless the parameters' step counts differ
                scalarsStep = t;
                double biasCorrection1 = 1 - Math.pow(beta1, t);
                double biasCorrection2 = 1 - Math.pow(beta2, t);
                stepSize = scalar(lr / biasCorrection1);
                biasCorrection2Sqrt = scalar(Math.sqrt(biasCorrection2));
            }
            if (weightDecay != null) {
                grad = grad.add(p.mul(weightDecay));
            }
            NDArray m = expAvg.get(i);
            NDArray v = expAvgSq.get(i);
            m.muli(beta1Array).addi(grad.mul(oneMinusBeta1));
            v.muli(beta2Array).addi(grad.mul(oneMinusBeta2).muli(grad));
            NDArray second = v;
            if (amsgrad) {
                NDArray max = maxExpAvgSq.get(i);
                NDArray larger = max.maximum(v);
                max.subi(max).addi(larger);
                second = max;
            }
            NDArray denom = second.sqrt().divi(biasCorrection2Sqrt).addi(eps);
            p.subi(m.mul(stepSize).divi(denom));
        }
    }
}
