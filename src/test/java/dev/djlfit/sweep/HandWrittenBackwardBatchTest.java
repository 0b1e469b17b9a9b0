package dev.djlfit.sweep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.Nets;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.Architecture;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.article.Backward;
import dev.djlfit.article.HandWrittenBackward;
import dev.djlfit.article.TrainingSettings;
import dev.djlfit.article.TrainingObserver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written backward ({@link HandWrittenBackward}, {@code sweep --backward manual}) as the
 * oracle of the batched loop's autograd ({@link BatchedTrainingLoop}): the same K nets from the
 * same seeds must end with the same parameters and losses, and both with the parameters each net
 * reaches alone, by the autograd loop ({@link dev.djlfit.article.Article#train}) and by the hand-written backward on
 * the net alone (its other layout). The widths cover every product the batch has: width-1 input
 * (broadcast), width-1 output (broadcast and sum), small hidden-to-hidden (broadcast and sum) and
 * 40x40 (batched matrix product).
 */
class HandWrittenBackwardBatchTest {

    private static final int[] SEEDS = {0, 1, 2, 3, 4};
    /**
     * Measured: the largest parameter difference after 200 steps at lr 0.001 is float rounding,
     * at most 1.2e-6 over these cases (each prints its own; the hand-written backward batched
     * against alone at most 7.2e-7) while parameters moved by 1.9 to 4.2; a gradient off by a factor (1/2, K, lr twice) or a
     * net's slice mixed with another's moves parameters by 1e-2 or more.
     */
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @CsvSource({"TANH, 10, 2", "SIGMOID, 10, 2", "RELU, 10, 2", "TANH, 7, 3", "SIGMOID, 3, 4", "RELU, 10, 3",
        "TANH, 40, 3"})
    void handWrittenBatchEndsWhereAutogradBatchEnds(Nonlinearity activation, int hidden, int depth) {
        Architecture architecture = new SweepConfiguration(activation, hidden, depth).architecture();
        TrainingSettings config = TrainingSettings.article().withSteps(200).withLearningRate(0.001f);
        DataPoints data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BatchedNets autograd = BatchedNets.initialise(manager, architecture, SEEDS);
            BatchedNets manual = BatchedNets.stack(manager, architecture, autograd.snapshots());
            List<Map<String, TensorValues>> initial = autograd.snapshots();
            BatchedTrainingLoop.Outcome a = train(autograd, data, config.withBackward(Backward.AUTOGRAD), manager);
            BatchedTrainingLoop.Outcome m = train(manual, data, config.withBackward(Backward.MANUAL), manager);

            List<Map<String, TensorValues>> byAutograd = autograd.snapshots();
            List<Map<String, TensorValues>> byHand = manual.snapshots();
            double worst = 0;
            double worstAlone = 0;
            double worstLayouts = 0;
            double moved = 0;
            for (int k = 0; k < SEEDS.length; k++) {
                NNet net = Nets.initialise(manager, architecture, SEEDS[k]);
                NDArray xs = manager.create(data.x(), new Shape(data.size(), 1));
                NDArray ys = manager.create(data.y(), new Shape(data.size(), 1));
                Article.train(net, xs, ys, config, TrainingObserver.NONE);
                Map<String, TensorValues> alone = net.stateDict();
                NNet byHandAlone = Nets.initialise(manager, architecture, SEEDS[k]);
                HandWrittenBackward.train(byHandAlone, xs, ys, config.withBackward(Backward.MANUAL), TrainingObserver.NONE);
                Map<String, TensorValues> layouts = byHandAlone.stateDict();
                for (String name : architecture.parameterNames()) {
                    float[] x = byAutograd.get(k).get(name).values();
                    float[] y = byHand.get(k).get(name).values();
                    float[] z = alone.get(name).values();
                    float[] lone = layouts.get(name).values();
                    float[] before = initial.get(k).get(name).values();
                    for (int i = 0; i < x.length; i++) {
                        worst = Math.max(worst, Math.abs(x[i] - y[i]));
                        worstAlone = Math.max(worstAlone, Math.max(Math.abs(x[i] - z[i]), Math.abs(y[i] - z[i])));
                        worstLayouts = Math.max(worstLayouts, Math.abs(y[i] - lone[i]));
                        moved = Math.max(moved, Math.abs(x[i] - before[i]));
                    }
                }
                assertEquals(a.lastLosses()[k], m.lastLosses()[k], 1e-4 * Math.max(1, a.lastLosses()[k]),
                        "last loss, seed " + SEEDS[k]);
            }
            System.out.printf("batched manual vs autograd, %s: max |parameter difference| = %.3g, either against"
                    + " the nets alone %.3g, manual batched vs alone %.3g (largest move %.3g)%n",
                    architecture.describe(), worst, worstAlone, worstLayouts, moved);
            assertTrue(moved > 0.05, "training moved the parameters (else the comparison proves nothing): " + moved);
            assertTrue(worst < TOLERANCE, "max parameter difference " + worst);
            assertTrue(worstAlone < TOLERANCE, "max parameter difference against the nets alone " + worstAlone);
            assertTrue(worstLayouts < TOLERANCE, "max parameter difference, hand-written, batched against alone "
                    + worstLayouts);
        }
    }

    private static BatchedTrainingLoop.Outcome train(
            BatchedNets nets, DataPoints data, TrainingSettings config, NDManager manager) {
        NDArray x = nets.inputs(manager, data.x());
        NDArray y = nets.inputs(manager, data.y());
        return new BatchedTrainingLoop().run(nets, x, y, config, TrainingObserver.NONE);
    }
}
