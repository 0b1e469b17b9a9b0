package dev.djlfit.tutorials;

import dev.djlfit.program.Harness;
import dev.djlfit.program.Program;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.nn.CrossEntropyLoss;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.vision.datasets.FashionMNIST;
import dev.djlfit.torch.vision.transforms.ToTensor;

import java.nio.file.Path;

/**
 * basics/saveloadrun_tutorial.py: {@code torch.save(model.state_dict(), 'model_weights.pth')}, a
 * fresh model, {@code model.load_state_dict(torch.load('model_weights.pth'))}, {@code model.eval()}.
 * The original saves VGG16's downloaded ImageNet weights; the port trains the quickstart's model
 * (its {@code train}, for the epochs asked) in their place, and then runs the loaded model over the
 * test set in the quickstart's format, so that the load is seen to work. With {@code --load FILE}
 * it only loads and tests FILE. {@code torch.save(model)}, which pickles the whole module, has no
 * Java counterpart and is left out.
 */
final class SaveLoadRun implements Program {

    @Override
    public String name() {
        return "saveloadrun";
    }

    @Override
    public String original() {
        return "beginner_source/basics/saveloadrun_tutorial.py";
    }

    @Override
    public int defaultSteps() {
        return 5;
    }

    @Override
    public boolean byEpoch() {
        return true;
    }

    @Override
    public void run(Harness run) {
        try (NDManager m = NDManager.newBaseManager()) {
            FashionMNIST trainingData = new FashionMNIST(run.data().data(), true, new ToTensor());
            FashionMNIST testData = new FashionMNIST(run.data().data(), false, new ToTensor());
            DataLoader trainDataloader = new DataLoader(trainingData, 64);
            DataLoader testDataloader = new DataLoader(testData, 64);
            CrossEntropyLoss lossFn = new CrossEntropyLoss();
            Path weights = run.data().load().orElse(run.data().file("model_weights.pth"));
            int epochs = 0;

            if (run.data().load().isEmpty()) {
                epochs = run.epochs();
                run.print(PyFormat.format("(saveloadrun: the quickstart's model, trained for {} epoch{} here, stands in"
                        + " for VGG16's downloaded weights; torch.save(model) of the whole pickled module is left out)",
                        epochs, epochs == 1 ? "" : "s"));
                Quickstart.NeuralNetwork model = new Quickstart.NeuralNetwork(m);
                try (SGD optimizer = new SGD(model.parameters(), 1e-3)) {
                    run.started(model.namedParameters());
                    for (int t = 0; t < epochs; t++) {
                        Quickstart.train(run, t, trainDataloader, model, lossFn, optimizer);
                    }
                    run.trained(model.namedParameters(), epochs, epochs * trainDataloader.size());
                }
                Torch.save(model.stateDict(), weights);
            }

            Quickstart.NeuralNetwork model = new Quickstart.NeuralNetwork(m);
            model.loadStateDict(Torch.load(weights));
            model.eval();
            if (epochs == 0) {
                run.loaded(model.namedParameters());
            }
            run.endsWith(Quickstart.test(run, epochs, testDataloader, model, lossFn));
        }
    }
}
