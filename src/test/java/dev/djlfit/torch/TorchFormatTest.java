package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

/** Expected strings are what PyTorch prints for the same values (the article's, or PyTorch 1.13's). */
class TorchFormatTest {

    @Test
    void columnParameterAsInTheArticle() {
        TensorValues w = TensorValues.column(-0.7987f, 0.0862f, 0.6410f);
        assertEquals("Parameter containing:\n"
                + "tensor([[-0.7987],\n"
                + "        [ 0.0862],\n"
                + "        [ 0.6410]], requires_grad=True)", TorchFormat.parameter(w));
    }

    @Test
    void longVectorBreaksAfterEightElementsAsInTheArticle() {
        TensorValues b = TensorValues.vector(-0.0951f, 0.2870f, 0.4422f, 0.7289f, 0.4854f,
                -0.1306f, -0.3795f, 0.6540f, -0.2433f, -0.3002f);
        assertEquals("tensor([-0.0951,  0.2870,  0.4422,  0.7289,  0.4854, -0.1306, -0.3795,  0.6540,\n"
                + "        -0.2433, -0.3002], requires_grad=True)", TorchFormat.tensor(b, "requires_grad=True"));
    }

    @Test
    void rowMatrixBreaksWithOneMoreSpaceOfIndent() {
        TensorValues w = new TensorValues(new long[] {1, 10}, new float[] {-0.1362f, -0.1951f, -0.1765f,
            -0.2165f, 0.1072f, 0.3011f, -0.2424f, 0.0349f, 0.2938f, -0.2380f});
        assertEquals("tensor([[-0.1362, -0.1951, -0.1765, -0.2165,  0.1072,  0.3011, -0.2424,  0.0349,\n"
                + "          0.2938, -0.2380]], requires_grad=True)", TorchFormat.tensor(w, "requires_grad=True"));
    }

    @Test
    void wholeNumbersPrintInIntegerMode() {
        assertEquals("tensor([1.])", TorchFormat.tensor(TensorValues.vector(1f)));
        assertEquals("tensor([[0.],\n        [1.],\n        [2.],\n        [3.]])",
                TorchFormat.tensor(TensorValues.column(0, 1, 2, 3)));
    }

    @Test
    void mixedWidthsArePaddedToTheWidest() {
        assertEquals("tensor([[ 2.5000],\n        [10.0000]])", TorchFormat.tensor(TensorValues.column(2.5f, 10f)));
        assertEquals("tensor([[ 25.5000],\n        [108.0000]], grad_fn=<AddmmBackward0>)",
                TorchFormat.tensor(TensorValues.column(25.5f, 108f), "grad_fn=<AddmmBackward0>"));
    }

    @Test
    void roundsTheExactBinaryValueLikePython() {
        // 0.00005 as float32 is 4.9999998e-05: Python prints 0.0000 in fixed mode
        assertEquals("0.0000", TorchFormat.fixed(0.00005f));
        assertEquals("-0.0000", TorchFormat.fixed(-0.00001f));
        assertEquals("0.1250", TorchFormat.fixed(0.125f));
        assertEquals("-0.5649", TorchFormat.fixed(-0.56490004f));
    }

    @Test
    void tinyOrWideRangingValuesSwitchToScientific() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00])", TorchFormat.tensor(TensorValues.vector(1e-5f, 1f)));
        assertEquals("1.2346e+03", TorchFormat.scientific(1234.56f));
        assertEquals("tensor([1234.5601,    1.5000])", TorchFormat.tensor(TensorValues.vector(1234.56f, 1.5f)));
        assertEquals("-9.2726e-11", TorchFormat.scientific(-9.2726e-11f));
    }
}
