package dev.djlfit.cli;

import dev.djlfit.article.data.XSpec;
import dev.djlfit.article.saving.SavedModels;
import dev.djlfit.article.Footprint;
import dev.djlfit.article.saving.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Loads a net saved by {@code train --save} and prints its predictions. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Loads a net saved by train ... --save DIR and prints one line \"x y\" per input.",
            "",
            "Examples:",
            "  predict --from model --x 2.5,10",
            "  predict --from model --x 0:10:0.5"
        })
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "A directory written by train ... --save DIR.")
    Path from;

    @Option(names = "--x", paramLabel = "XS", required = true,
            description = "The inputs: a list 2.5,10 or a range FROM:TO:STEP such as 0:10:0.5.")
    String x;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        float[] xs = XSpec.parse("--x", x);
        SavedModel model = SavedModel.load(from);
        Footprint.prediction(model.architecture(), xs.length).require("predict at " + xs.length + " inputs");
        float[] ys = SavedModels.predict(model, device.choose().device(), xs);
        for (int i = 0; i < xs.length; i++) {
            if (!Float.isFinite(ys[i])) {
                throw new UserInputException("the net's prediction at x = " + xs[i] + " is " + ys[i]
                        + ", beyond 32-bit floats; predict nearer the data it was trained on");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            lines.append(xs[i]).append(' ').append(ys[i]).append('\n');
        }
        out.print(lines);
        out.flush();
        return 0;
    }
}
