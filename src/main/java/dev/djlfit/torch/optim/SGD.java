package dev.djlfit.torch.optim;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)},
 * as its single-tensor implementation computes it:
 *
 * <pre>
 * d_p = grad + weight_decay · param                    (if weight_decay ≠ 0)
 * buf = d_p  at the first step, else buf = momentum · buf + (1 − dampening) · d_p   (if momentum ≠ 0)
 * d_p = d_p + momentum · buf  if nesterov, else d_p = buf
 * param = param − lr · d_p
 * </pre>
 */
public final class SGD extends Optimizer {

    private final boolean nesterov;
    private final NDArray lr;
    private final NDArray momentumArray;
    private final NDArray oneMinusDampening;
    private final NDArray weightDecayArray;
    private final List<NDArray> buffers = new ArrayList<>();
    private final boolean[] started;

    /** {@code torch.optim.SGD(params, lr=lr)}. */
    public SGD(List<NDArray> parameters, double lr) {
        this(parameters, lr, 0, 0, 0, false);
    }

    /** {@code torch.optim.SGD(params, lr=lr, momentum=momentum)}. */
    public SGD(List<NDArray> parameters, double lr, double momentum) {
        this(parameters, lr, momentum, 0, 0, false);
    }

    /** {@code torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}. */
    public SGD(List<NDArray> parameters, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super(parameters);
        if (!(lr >= 0) || momentum < 0 || weightDecay < 0) {
            throw new IllegalArgumentException("SGD: invalid lr " + lr + ", momentum " + momentum
                    + " or weight_decay " + weightDecay);
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        this.nesterov = nesterov;
        this.lr = constant(lr);
        this.momentumArray = momentum != 0 ? constant(momentum) : null;
        this.oneMinusDampening = dampening != 0 ? constant(1 - dampening) : null;
        this.weightDecayArray = weightDecay != 0 ? constant(weightDecay) : null;
        this.started = new boolean[parameters().size()];
        if (momentum != 0) {
            for (NDArray p : parameters()) {
                buffers.add(zerosLike(p));
            }
        }
    }

    @Override
    protected void update(List<NDArray> parameters, List<NDArray> gradients) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray dp = gradients.get(i);
            if (dp == null) {
                continue;
            }
            if (weightDecayArray != null) {
                dp = dp.add(p.mul(weightDecayArray));
            }
            if (momentumArray != null) {
                NDArray buf = buffers.get(i);
                if (!started[i]) {
                    buf.addi(dp); // buf was zero: torch.clone(d_p)
                } else {
                    buf.muli(momentumArray).addi(oneMinusDampening == null ? dp : dp.mul(oneMinusDampening));
                }
                dp = nesterov ? dp.add(buf.mul(momentumArray)) : buf;
            }
            p.subi(dp.mul(lr));
            started[i] = true;
        }
    }
}
