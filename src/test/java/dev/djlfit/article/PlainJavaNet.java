package dev.djlfit.article;

import dev.djlfit.torch.TensorValues;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same nets in plain Java doubles, forward and backward written out by hand: the yardstick
 * the engine's autograd is checked against.
 */
final class PlainJavaNet {

    private final Architecture architecture;
    private final double[][][] w;
    private final double[][] b;

    PlainJavaNet(Architecture architecture, Map<String, TensorValues> parameters) {
        this.architecture = architecture;
        int layers = architecture.layerCount();
        w = new double[layers][][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int out = architecture.outFeatures(l);
            int in = architecture.inFeatures(l);
            TensorValues weight = parameters.get(Architecture.weightName(l));
            TensorValues bias = parameters.get(Architecture.biasName(l));
            w[l] = new double[out][in];
            b[l] = new double[out];
            for (int o = 0; o < out; o++) {
                b[l][o] = bias.get(o);
                for (int i = 0; i < in; i++) {
                    w[l][o][i] = weight.get(o, i);
                }
            }
        }
    }

    double predict(double x) {
        return forward(x)[architecture.layerCount()][0];
    }

    /** Activations after each layer; index 0 is the input. */
    private double[][] forward(double x) {
        int layers = architecture.layerCount();
        double[][] a = new double[layers + 1][];
        a[0] = new double[] {x};
        for (int l = 0; l < layers; l++) {
            double[] z = new double[b[l].length];
            for (int o = 0; o < z.length; o++) {
                z[o] = b[l][o];
                for (int i = 0; i < a[l].length; i++) {
                    z[o] += w[l][o][i] * a[l][i];
                }
                if (l < layers - 1 && architecture.activationOrNull() != null) {
                    z[o] = architecture.activationOrNull().apply(z[o]);
                }
            }
            a[l + 1] = z;
        }
        return a;
    }

    /** d(MSE over the points)/d(parameter), by central finite differences in double. */
    Map<String, double[]> mseGradientByFiniteDifferences(float[] xs, float[] ys) {
        Map<String, double[]> grads = new LinkedHashMap<>();
        double h = 1e-6;
        for (int l = 0; l < architecture.layerCount(); l++) {
            double[] gw = new double[w[l].length * w[l][0].length];
            for (int o = 0; o < w[l].length; o++) {
                for (int i = 0; i < w[l][0].length; i++) {
                    double keep = w[l][o][i];
                    w[l][o][i] = keep + h;
                    double up = mse(xs, ys);
                    w[l][o][i] = keep - h;
                    double down = mse(xs, ys);
                    w[l][o][i] = keep;
                    gw[o * w[l][0].length + i] = (up - down) / (2 * h);
                }
            }
            double[] gb = new double[b[l].length];
            for (int o = 0; o < b[l].length; o++) {
                double keep = b[l][o];
                b[l][o] = keep + h;
                double up = mse(xs, ys);
                b[l][o] = keep - h;
                double down = mse(xs, ys);
                b[l][o] = keep;
                gb[o] = (up - down) / (2 * h);
            }
            grads.put(Architecture.weightName(l), gw);
            grads.put(Architecture.biasName(l), gb);
        }
        return grads;
    }

    double mse(float[] xs, float[] ys) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            double d = predict(xs[i]) - ys[i];
            sum += d * d;
        }
        return sum / xs.length;
    }
}
