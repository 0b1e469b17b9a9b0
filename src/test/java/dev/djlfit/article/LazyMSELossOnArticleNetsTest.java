package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.MSELoss;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's {@code MSELoss} on the article's nets: the one-step backward the training loop uses. */
class LazyMSELossOnArticleNetsTest {

    /** The one-step backward against autograd through the recorded sub, square and mean. */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void oneStepBackwardGivesTheRecordedLossesGradients(ModelKind kind) {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        for (Nonlinearity activation : Nonlinearity.values()) {
            Architecture architecture = kind.architecture(10, activation);
            for (int seed = 0; seed < 3; seed++) {
                assertArrayEquals(gradients(architecture, seed, data, false), gradients(architecture, seed, data, true),
                        architecture + " seed " + seed);
            }
        }
    }

    private static float[] gradients(Architecture architecture, int seed, DataPoints data, boolean oneStep) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MSELoss calcLoss = new MSELoss();
                GradMode grad = Torch.enableGrad()) {
            NNet net = Nets.initialise(manager, architecture, seed);
            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            NDArray pred = net.forward(x);
            if (oneStep) {
                calcLoss.lazy(pred, y).backward();
            } else {
                Torch.backward(calcLoss.recorded(pred, y));
            }
            List<Float> all = new ArrayList<>();
            for (NDArray p : net.parameters()) {
                for (float g : p.getGradient().toFloatArray()) {
                    all.add(g);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }
}
