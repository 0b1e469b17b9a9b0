package example;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.GradMode;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.StepScope;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.data.Batch;
import dev.djlfit.torch.data.DataLoader;
import dev.djlfit.torch.data.TensorDataset;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.MSELoss;
import dev.djlfit.torch.optim.SGD;
import dev.djlfit.torch.trace.TraceRecorder;

import java.nio.file.Path;

/** minibatch_regression.py, line by line, on the djl-fit kit: {@code mvn -q compile exec:java}. */
public final class MinibatchRegression {

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        try (NDManager m = NDManager.newBaseManager(); GradMode on = Torch.enableGrad()) {
            Torch.manualSeed(args.seed);
            NDArray trueW = Torch.tensor(m, 2.0f, -3.4f, 1.5f);
            NDArray trueB = Torch.scalar(m, 4.2f);
            NDArray features = Torch.randn(m, 1000, 3);
            NDArray labels = features.matMul(trueW).add(trueB);
            labels.addi(Torch.normal(m, 0, 0.01, labels.getShape().getShape()));
            labels = labels.reshape(-1, 1);

            TensorDataset dataset = new TensorDataset(features, labels);
            DataLoader loader = new DataLoader(dataset, 10, true, false);

            Linear model = new Linear(m, 3, 1);
            Torch.normal_(model.weight(), 0, 0.01);
            Torch.fill_(model.bias(), 0);
            MSELoss lossFn = new MSELoss();
            SGD optimizer = new SGD(model.parameters(), 0.03);

            TraceRecorder recorder = new TraceRecorder("minibatch-regression", args.seed);
            recorder.initial(model.stateDict());
            int step = 0;
            for (int epoch = 0; epoch < args.epochs; epoch++) {
                for (Batch b : loader) {
                    try (StepScope scope = Torch.stepScope()) {
                        NDArray loss = lossFn.forward(model.forward(b.x()), b.y());
                        optimizer.zeroGrad();
                        Torch.backward(loss);
                        optimizer.step();
                        step++;
                    }
                }
                try (GradMode noGrad = Torch.noGrad(); StepScope scope = Torch.stepScope()) {
                    double trainLoss = Torch.item(lossFn.forward(model.forward(features), labels));
                    System.out.println(PyFormat.format("epoch {}, loss {:f}", epoch + 1, trainLoss));
                    recorder.loss(step, trainLoss);
                }
            }

            float[] w = model.weight().get(0).toFloatArray();
            float b = model.bias().getFloat(0);
            String result = PyFormat.format("w = [{:.4f}, {:.4f}, {:.4f}], b = {:.4f}", w[0], w[1], w[2], b);
            System.out.println(result);
            recorder.finish(model.stateDict()).steps(step).epochs(args.epochs).result(result);
            if (args.out != null) {
                recorder.write(args.out);
            }
        }
    }

    /** {@code --seed N --epochs N --out FILE}, as the original's argparse takes them. */
    private record Args(long seed, int epochs, Path out) {
        static Args parse(String[] argv) {
            long seed = 0;
            int epochs = 3;
            Path out = null;
            for (int i = 0; i + 1 < argv.length; i += 2) {
                switch (argv[i]) {
                    case "--seed" -> seed = Long.parseLong(argv[i + 1]);
                    case "--epochs" -> epochs = Integer.parseInt(argv[i + 1]);
                    case "--out" -> out = Path.of(argv[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + argv[i]);
                }
            }
            return new Args(seed, epochs, out);
        }
    }
}
