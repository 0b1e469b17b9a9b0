package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.Scatter;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.Lambda;
import dev.djlfit.torch.vision.transforms.ToTensor;

import java.util.Map;

/**
 * basics/transforms_tutorial.py: FashionMNIST with {@code ToTensor()} for the images and a
 * {@code Lambda} that makes each label a one-hot float vector with {@code scatter_}. Like the
 * original, it builds them and prints nothing.
 */
final class Transforms implements Program {

    @Override
    public String name() {
        return "transforms";
    }

    @Override
    public String original() {
        return "beginner_source/basics/transforms_tutorial.py";
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public boolean readsFashionMnist() {
        return true;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            FashionMNIST ds = new FashionMNIST(
                    run.data().data(),
                    true,
                    new ToTensor(),
                    new Lambda<Integer, NDArray>(y -> Scatter.scatter_(Torch.zeros(m, 10), 0, m.create((long) y), 1)));

            Lambda<Integer, NDArray> targetTransform = oneHot(m);

            run.loaded(Map.of());
            run.endsWith("");
        }
    }

    /** {@code Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(dim=0, index=torch.tensor(y), value=1))}. */
    static Lambda<Integer, NDArray> oneHot(NDManager m) {
        return new Lambda<>(y -> Scatter.scatter_(
                Torch.zeros(m, 10), 0, m.create((long) y), 1));
    }
}
