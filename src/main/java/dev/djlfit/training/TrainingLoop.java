package dev.djlfit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.djlfit.model.Net;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.optim.Optimizer;

/**
 * The article's training loop, line for line:
 *
 * <pre>
 * for i in range(100000):             for (int i = 0; i &lt; steps; i++) {
 *     pred = fit(x)                       NDArray pred = fit.forward(x);
 *     loss = calc_loss(pred,y)            MSELoss.Lazy loss = calcLoss.lazy(pred, y);
 *     loss.backward()                     loss.backward();
 *     optimizer.step()                    optimizer.step();
 *     optimizer.zero_grad()               optimizer.zeroGrad();
 * </pre>
 *
 * {@code calc_loss = torch.nn.MSELoss()} is the kit's, used lazily: the loss is computed only at
 * the steps that record it, and its backward pass starts at the prediction (one autograd node
 * instead of three). Every array a step creates (the prediction, the loss, the intermediate results and gradient
 * handles) belongs to that step's {@link NDScope} and is freed when the step ends, so memory
 * stays flat over any number of steps.
 */
public final class TrainingLoop {

    public TrainingRun run(
            Net fit, NDArray x, NDArray y, TrainingConfig config, TrainingListener listener) {
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        try (Optimizer optimizer = config.optimizer().create(fit.parameters(), config.learningRate());
                MSELoss calcLoss = new MSELoss();
                GradMode grad = Torch.enableGrad()) {
            for (int i = 0; i < config.steps(); i++) {
                try (NDScope step = new NDScope()) {
                    NDArray pred = fit.forward(x);
                    MSELoss.Lazy loss = calcLoss.lazy(pred, y);
                    loss.backward();
                    optimizer.step();
                    optimizer.zeroGrad();
                    recorder.offer(i, loss::value);
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new TrainingRun(recorder.losses(), loopNanos, config.steps());
    }
}
