package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine's gradients of the MSE loss, against finite differences of the same net in plain Java. */
class GradientTest {

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void autogradMatchesFiniteDifferences(ModelKind kind) {
        for (Nonlinearity activation : kind == ModelKind.LINEAR ? List.of(Nonlinearity.TANH) : List.of(Nonlinearity.values())) {
            check(kind.architecture(10, activation));
        }
    }

    private static void check(Architecture architecture) {
        DataPoints data = ArticleData.QUADRATIC.dataset();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                GradMode grad = Torch.enableGrad()) {
            NNet net = Nets.initialise(manager, architecture, 3);
            PlainJavaNet plain = new PlainJavaNet(architecture, net.stateDict());
            NDArray x = manager.create(data.x(), new Shape(data.size(), 1));
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));
            MSELoss.Lazy loss = new MSELoss().lazy(net.forward(x), y);
            assertEquals(plain.mse(data.x(), data.y()), loss.value().getFloat(), 1e-4 * plain.mse(data.x(), data.y()));
            loss.backward();

            Map<String, double[]> expected = plain.mseGradientByFiniteDifferences(data.x(), data.y());
            for (NDArray p : net.parameters()) {
                float[] actual = p.getGradient().toFloatArray();
                double[] want = expected.get(p.getName());
                for (int i = 0; i < want.length; i++) {
                    double tolerance = 1e-3 * Math.max(1, Math.abs(want[i]));
                    assertEquals(want[i], actual[i], tolerance,
                            architecture + " " + p.getName() + "[" + i + "]");
                }
            }
        }
    }
}
