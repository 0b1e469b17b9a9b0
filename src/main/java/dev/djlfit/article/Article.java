package dev.djlfit.article;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.djlfit.article.data.ArticleData;
import dev.djlfit.article.data.DataPoints;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchFormat;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.nn.Module;
import dev.djlfit.torch.optim.Optimizer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * "Machine Learning and Regression Models with PyTorch, part II", top to bottom: its data, its
 * {@code NNet}, part I's loss and optimizer, its loop and its prints, each line of the post in the
 * comment beside the Java that does it. {@link #main} runs the post and prints what it prints.
 */
public final class Article {

    /** {@code data = [ [0,1], [1,3], [2,5], [3,7] ]}: four points of the line y = 2x + 1. */
    public static final DataPoints LINE = ArticleData.LINEAR.dataset();
    /** {@code data = [ [0,1], [1,6], [2,17], [3,34] ]}: y = 3x² + 2x + 1 (the post's "3x^2 + 2x^2 + 1" is a typo). */
    public static final DataPoints QUADRATIC = ArticleData.QUADRATIC.dataset();
    public static final int HIDDEN = 10;                                            // out_features=10

    /** One run of the post's script: which {@code NNet}, on which {@code data}. */
    public record Experiment(ModelKind model, DataPoints data) {}
    /** The linear net on the line, then on the quadratic, then with tanh, then the deep net. */
    public static final List<Experiment> EXPERIMENTS = List.of(new Experiment(ModelKind.LINEAR, LINE),
            new Experiment(ModelKind.LINEAR, QUADRATIC), new Experiment(ModelKind.TANH, QUADRATIC),
            new Experiment(ModelKind.DEEP, QUADRATIC));

    /** {@code class NNet(torch.nn.Module)}: the post's three nets; the width and the activation are options. */
    public static final class NNet extends Module {
        private final Architecture architecture;
        private final List<Linear> layers = new ArrayList<>();

        /** The deep net's l2 is Linear(10, 10): the post's Linear(10, 1) cannot feed l3 = Linear(10, 1). */
        public NNet(NDManager manager, ModelKind model, int hidden, Nonlinearity activation) {
            this(manager, model.architecture(hidden, activation));
        }

        public NNet(NDManager manager, ModelKind model) {
            this(manager, model, HIDDEN, Nonlinearity.TANH);
        }

        /** Any widths: layer l is {@code Linear(widths[l], widths[l + 1])}, drawn now, weight then bias. */
        public NNet(NDManager manager, Architecture architecture) {
            this(architecture, l -> new Linear(manager, architecture.inFeatures(l), architecture.outFeatures(l), true));
        }

        NNet(Architecture architecture, IntFunction<Linear> layer) {
            this.architecture = architecture;
            for (int l = 0; l < architecture.layerCount(); l++) {
                layers.add(registerModule(Architecture.layerName(l), layer.apply(l))); // self.l1 = torch.nn.Linear(in_features=1,out_features=10), l2, l3
            }
        }

        @Override
        public NDArray forward(NDArray x) {                                         // def forward(self,x):
            for (int l = 0; l < layers.size(); l++) {
                x = layers.get(l).forward(x);                                       //     x = self.l1(x)
                if (l < layers.size() - 1 && architecture.activationOrNull() != null) {
                    x = architecture.activationOrNull().apply(x);                   //     x = torch.tanh(x)
                }
            }
            return x;                                                               //     return self.l2(x)
        }

        public Architecture architecture() { return architecture; }

        @Override
        protected String moduleName() { return "NNet"; }
    }

    /** The loop, with part I's calc_loss and optimizer; each step's arrays die with its scope, the loss is computed only where recorded. */
    public static LoopOutcome train(NNet fit, NDArray x, NDArray y, TrainingSettings config, TrainingObserver listener) {
        if (config.backward() == Backward.MANUAL) {
            return HandWrittenBackward.train(fit, x, y, config, listener);              // --backward manual: no autograd
        }
        LossRecorder recorder = new LossRecorder(config, listener);
        listener.started(config.steps());
        long start = System.nanoTime();
        try (MSELoss calcLoss = new MSELoss();                                      // calc_loss = torch.nn.MSELoss()
                Optimizer optimizer = config.optimizer().create(fit.parameters(), config.learningRate()); // optimizer = torch.optim.SGD(fit.parameters(), lr=0.01)
                GradMode grad = Torch.enableGrad()) {
            for (int i = 0; i < config.steps(); i++) {                              // for i in range(100000):
                try (var step = Torch.stepScope()) {
                    NDArray pred = fit.forward(x);                                  //     pred = fit(x)
                    MSELoss.Lazy loss = calcLoss.lazy(pred, y);                     //     loss = calc_loss(pred,y)
                    loss.backward();                                                //     loss.backward()
                    optimizer.step();                                               //     optimizer.step()
                    optimizer.zeroGrad();                                           //     optimizer.zero_grad()
                    recorder.offer(i, loss::value);
                }
            }
        }
        long loopNanos = System.nanoTime() - start;
        listener.finished();
        return new LoopOutcome(recorder.losses(), loopNanos, config.steps());
    }

    /** The post's four runs, 100000 steps each, after {@code torch.manual_seed(0)} (the post seeds nothing). */
    public static void main(String[] args) {
        post(new PrintWriter(System.out, true, StandardCharsets.UTF_8), TrainingSettings.article());
    }

    /** Every run of {@link #EXPERIMENTS}, a blank line after each: what the post's print calls print. */
    public static void post(PrintWriter out, TrainingSettings config) {
        for (Experiment experiment : EXPERIMENTS) {
            run(out, experiment, config);
            out.println();
        }
        out.flush();
    }

    static void run(PrintWriter out, Experiment experiment, TrainingSettings config) {
        DataPoints data = experiment.data();
        out.println(data.toArticleString());                                        // print(data)
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                GradMode grad = Torch.enableGrad()) {
            Torch.manualSeed(config.seed());                                        // torch.manual_seed(0): the post seeds nothing
            NNet fit = new NNet(manager, experiment.model());                       // fit = NNet()
            out.println("initial parameters");                                      // print("initial parameters")
            fit.parameters().forEach(p -> out.println(TorchFormat.parameter(TensorValues.of(p)))); // for p in fit.parameters(): print(p)
            NDArray x = manager.create(new float[] {1});                            // x = torch.FloatTensor([1])
            out.println(printed("initial prediction", x, fit.forward(x)));          // y = fit(x); print("initial prediction",x,y)
            x = manager.create(data.x(), new Shape(data.size(), 1));                // x.append([data[i][0]]); x = torch.FloatTensor(x)
            NDArray y = manager.create(data.y(), new Shape(data.size(), 1));        // y.append([data[i][1]]); y = torch.FloatTensor(y)
            train(fit, x, y, config, TrainingObserver.NONE);                        // for i in range(100000): ...
            out.println("final parameters");                                        // print("final parameters")
            fit.parameters().forEach(p -> out.println(TorchFormat.parameter(TensorValues.of(p)))); // for p in fit.parameters(): print(p)
            out.println(printed("final prediction", x, fit.forward(x)));            // y = fit(x); print("final prediction",x,y)
            x = manager.create(new float[] {2.5f, 10}, new Shape(2, 1));            // x = tensor.FloatTensor([ [2.5], [10] ])
            out.println(printed("new prediction", x, fit.forward(x)));              // y = fit(x); print("new prediction",x,y)
        }
    }

    /** {@code print(label, x, y)}, y with the {@code grad_fn} PyTorch shows. */
    private static String printed(String label, NDArray x, NDArray y) {
        return PyFormat.line(label, x, PyFormat.tensor(y, "grad_fn=<" + Torch.gradFnName(y) + ">"));
    }

    private Article() {}
}
