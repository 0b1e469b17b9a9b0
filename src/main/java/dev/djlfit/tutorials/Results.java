package dev.djlfit.tutorials;

import dev.djlfit.program.SinFit;
import ai.djl.ndarray.NDArray;
import dev.djlfit.torch.PyFormat;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.nn.Linear;

import java.util.Map;

/** The f-strings the programs end with, each value as Python's {@code {v.item()}} prints it. */
final class Results {

    private Results() {}

    /** {@code f'Result: y = {a.item()} + {b.item()} x + {c.item()} x^2 + {d.item()} x^3'}. */
    static String cubic(NDArray a, NDArray b, NDArray c, NDArray d) {
        return "Result: " + cubicString(a, b, c, d);
    }

    /** {@code f'y = {a.item()} + {b.item()} x + {c.item()} x^2 + {d.item()} x^3'} (a module's {@code string()}). */
    static String cubicString(NDArray a, NDArray b, NDArray c, NDArray d) {
        return "y = " + item(a) + " + " + item(b) + " x + " + item(c) + " x^2 + " + item(d) + " x^3";
    }

    /**
     * {@code f'Result: y = {linear_layer.bias.item()} + {linear_layer.weight[:, 0].item()} x
     * + {linear_layer.weight[:, 1].item()} x^2 + {linear_layer.weight[:, 2].item()} x^3'}.
     */
    static String linear(Linear layer) {
        NDArray weight = layer.weight();
        return "Result: y = " + item(layer.bias()) + " + " + item(weight.get(":, 0")) + " x + "
                + item(weight.get(":, 1")) + " x^2 + " + item(weight.get(":, 2")) + " x^3";
    }

    /** What scalar parameters a, b, c and d compute: {@code a + b x + c x^2 + d x^3}. */
    static SinFit cubicFit(Map<String, TensorValues> p) {
        return SinFit.cubic(p.get("a").get(0), p.get("b").get(0), p.get("c").get(0), p.get("d").get(0));
    }

    /** What Linear(3, 1) on (x, x², x³) computes, from its state_dict. */
    static SinFit linearFit(Map<String, TensorValues> p) {
        TensorValues w = p.get("0.weight");
        return SinFit.cubic(p.get("0.bias").get(0), w.get(0), w.get(1), w.get(2));
    }

    /** {@code f'{t.item()}'}. */
    static String item(NDArray t) {
        return PyFormat.repr(Torch.item(t));
    }
}
