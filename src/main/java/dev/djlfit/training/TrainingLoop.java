package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.model.Net;

/**
 * The article's training loop, line for line:
 *
 * <pre>
 * for i in range(100000):             for (int i = 0; i &lt; steps; i++) {
 *     pred = fit(x)                       NDArray pred = fit.forward(x);
 *     loss = calc_loss(pred,y)            NDArray loss = calcLoss.apply(pred, y);
 *     loss.backward()                     Autograd.backward(loss, one);
 *     optimizer.step()                    optimizer.step();
 *     optimizer.zero_grad()               optimizer.zeroGrad();
 * </pre>
 *
 * Every array a step creates (the prediction, the loss, the intermediate results and gradient
 * handles) belongs to that step's {@link NDScope} and is freed when the step ends, so memory
 * stays flat over any number of steps.
 */
public final class TrainingLoop {

    private final MseLoss calcLoss = new MseLoss();

    public TrainingRun run(
            Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
        NDManager manager = x.getManager();
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        try (Optimizer optimizer = config.optimizer().create(fit.parameters(), config.learningRate(), manager);
                NDArray one = manager.ones(new Shape());
                Autograd.Mode grad = Autograd.enableGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray pred = fit.forward(x);
                    NDArray loss = calcLoss.apply(pred, y);
                    Autograd.backward(loss, one);
                    optimizer.step();
                    optimizer.zeroGrad();
                    recorder.offer(i, loss);
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new TrainingRun(recorder.losses(), loopNanos, config.steps());
    }
}
