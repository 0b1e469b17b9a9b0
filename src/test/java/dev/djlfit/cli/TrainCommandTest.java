package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainCommandTest {

    @Test
    void printsWhatTheArticlePrintsInItsOrder() {
        CliRun run = CliRun.of("train", "--data", "linear", "--model", "linear", "--steps", "1500", "--seed", "0");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        String[] inOrder = {
            "data = [[0, 1], [1, 3], [2, 5], [3, 7]]",
            "initial parameters",
            "Parameter containing:\ntensor([[-0.0075],",
            "initial prediction tensor([1.]) tensor([",
            "training: 1500 steps",
            "final parameters",
            "final prediction tensor([[0.],\n        [1.],\n        [2.],\n        [3.]]) tensor([[1.0000],\n"
                    + "        [3.0000],\n        [5.0000],\n        [7.0000]], grad_fn=<AddmmBackward0>)",
            "new prediction tensor([[ 2.5000],\n        [10.0000]]) tensor([[ 6.0000],\n        [21.0000]], grad_fn=<AddmmBackward0>)",
            "equivalent line: y = 2.0000x + 1.0000",
            "RMSE over 0 ≤ x ≤ 3 (interpolation): 0.0000",
        };
        int from = 0;
        for (String expected : inOrder) {
            int at = out.indexOf(expected, from);
            assertTrue(at >= 0, "missing (in order): " + expected + "\n--- output ---\n" + out);
            from = at + expected.length();
        }
    }

    @Test
    void theDeepNetSaysHowTheArticlesShapeBugWasFixed() {
        CliRun run = CliRun.of("train", "--model", "deep", "--steps", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("l2 = Linear(10, 10)"), run.out());
        assertTrue(run.out().contains("Parameter containing:\ntensor([[-0.0075],"), run.out());
    }
}
