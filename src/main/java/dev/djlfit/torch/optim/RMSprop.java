package dev.djlfit.torch.optim;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
 * centered=False)}, as its single-tensor implementation computes it:
 *
 * <pre>
 * grad = grad + weight_decay · param                      (if weight_decay ≠ 0)
 * square_avg = alpha · square_avg + (1 − alpha) · grad · grad
 * grad_avg = alpha · grad_avg + (1 − alpha) · grad;  avg = sqrt(square_avg − grad_avg²)   (centered)
 * avg = sqrt(square_avg)                                   (otherwise)
 * avg = avg + eps
 * buf = momentum · buf + grad / avg;  param = param − lr · buf     (if momentum &gt; 0)
 * param = param − lr · grad / avg                           (otherwise)
 * </pre>
 */
public final class RMSprop extends Optimizer {

    public static final double DEFAULT_LR = 1e-2;
    public static final double DEFAULT_ALPHA = 0.99;
    public static final double DEFAULT_EPS = 1e-8;

    private final NDArray lr;
    private final NDArray alpha;
    private final NDArray oneMinusAlpha;
    private final NDArray eps;
    private final NDArray weightDecay;
    private final NDArray momentum;
    private final boolean centered;
    private final List<NDArray> squareAvg = new ArrayList<>();
    private final List<NDArray> gradAvg = new ArrayList<>();
    private final List<NDArray> buffers = new ArrayList<>();

    /** {@code torch.optim.RMSprop(params)}: lr 1e-2. */
    public RMSprop(List<NDArray> parameters) {
        this(parameters, DEFAULT_LR);
    }

    /** {@code torch.optim.RMSprop(params, lr=lr)}. */
    public RMSprop(List<NDArray> parameters, double lr) {
        this(parameters, lr, DEFAULT_ALPHA, DEFAULT_EPS, 0, 0, false);
    }

    /** {@code torch.optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}. */
    public RMSprop(List<NDArray> parameters, double lr, double alpha, double eps, double weightDecay,
            double momentum, boolean centered) {
        super(parameters);
        if (!(lr >= 0) || !(eps >= 0) || !(alpha >= 0) || momentum < 0 || weightDecay < 0) {
            throw new IllegalArgumentException("RMSprop: invalid lr " + lr + ", alpha " + alpha + ", eps " + eps
                    + ", momentum " + momentum + " or weight_decay " + weightDecay);
        }
        this.lr = constant(lr);
        this.alpha = constant(alpha);
        this.oneMinusAlpha = constant(1 - alpha);
        this.eps = constant(eps);
        this.weightDecay = weightDecay != 0 ? constant(weightDecay) : null;
        this.momentum = momentum > 0 ? constant(momentum) : null;
        this.centered = centered;
        for (NDArray p : parameters()) {
            squareAvg.add(zerosLike(p));
            if (centered) {
                gradAvg.add(zerosLike(p));
            }
            if (momentum > 0) {
                buffers.add(zerosLike(p));
            }
        }
    }

    @Override
    protected void update(List<NDArray> parameters, List<NDArray> gradients) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray grad = gradients.get(i);
            if (grad == null) {
                continue;
            }
            if (weightDecay != null) {
                grad = grad.add(p.mul(weightDecay));
            }
            NDArray sq = squareAvg.get(i);
            sq.muli(alpha).addi(grad.mul(oneMinusAlpha).muli(grad));
            NDArray avg;
            if (centered) {
                NDArray ga = gradAvg.get(i);
                ga.muli(alpha).addi(grad.mul(oneMinusAlpha));
                avg = sq.sub(ga.mul(ga)).sqrt();
            } else {
                avg = sq.sqrt();
            }
            avg.addi(eps);
            if (momentum != null) {
                NDArray buf = buffers.get(i);
                buf.muli(momentum).addi(grad.div(avg));
                p.subi(buf.mul(lr));
            } else {
                p.subi(grad.mul(lr).divi(avg));
            }
        }
    }
}
