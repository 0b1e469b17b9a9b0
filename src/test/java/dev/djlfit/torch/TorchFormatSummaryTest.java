package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Tensors of more than 1000 elements print summarised, as PyTorch prints them. The expected text
 * is PyTorch 1.13's own output of:
 * <pre>
 * print(torch.arange(3000, dtype=torch.float32).reshape(-1, 1))
 * print(torch.arange(2000, dtype=torch.float32) / 7)
 * </pre>
 */
class TorchFormatSummaryTest {

    @Test
    void longColumnShowsThreeRowsAtEachEnd() {
        float[] x = new float[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        assertEquals("""
                tensor([[0.0000e+00],
                        [1.0000e+00],
                        [2.0000e+00],
                        ...,
                        [2.9970e+03],
                        [2.9980e+03],
                        [2.9990e+03]])""", TorchFormat.tensor(TensorValues.column(x)));
    }

    @Test
    void longVectorShowsThreeElementsAtEachEnd() {
        float[] x = new float[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) i / 7;
        }
        assertEquals("""
                tensor([0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 2.8529e+02, 2.8543e+02,
                        2.8557e+02])""", TorchFormat.tensor(TensorValues.vector(x)));
    }

    @Test
    void shortTensorsAreNotSummarised() {
        float[] x = new float[1000];
        assertEquals(1000, TorchFormat.tensor(TensorValues.column(x)).lines().count());
    }
}
