package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --model foo                    | --model",
        "train --activation swish             | --activation",
        "train --steps 0                      | --steps",
        "train --steps -5                     | --steps",
        "train --steps many                   | --steps",
        "train --lr 0                         | --lr",
        "train --lr -0.1                      | --lr",
        "train --lr NaN                       | --lr",
        "train --lr Infinity                  | --lr",
        "train --hidden 0                     | --hidden",
        "train --device tpu                   | --device",
        "train --device gpu:x                 | --device",
        "train --no-such-option               | --no-such-option",
        "walkthrough --threads 0              | --threads",
        "frobnicate                           | frobnicate",
        "train --lr 1e39                      | '--lr': 1e39 is out of the range of a 32-bit float",
        "train --lr 0x1p3                     | '--lr': '0x1p3' is not a number",
        "train --steps 99999999999            | --steps",
        "train --hidden 2147483647            | train with --hidden 2147483647 needs",
        "train --model deep --hidden 100000   | train with --hidden 100000 needs",
        "train --function x --x 0:1e39:5e38   | TO is 1e39, too large for the net's 32-bit floats",
        "predict --from nowhere --x 0:1e39:5e38 | TO is 1e39, too large for the net's 32-bit floats",
        "train --data @pts.csv                | data file @pts.csv does not exist",
        "train --function @/etc/hostname --x 0:3 | --function '@/etc/hostname' does not parse",
        "sweep --seeds 2147483647             | sweep with --seeds 2147483647 needs",
        "sweep --seeds 2000000                | sweep with --seeds 2000000 needs",
        "sweep --first-seed 2147483647 --seeds 3 | past the largest seed 2147483647",
        "sweep --first-seed -5 --seeds 0      | --seeds must be a positive whole number",
        "sweep --hidden 10,2,10               | --hidden lists 10 twice",
        "sweep --activations tanh,TANH        | --activations lists tanh twice",
        "sweep --depths 2000000000            | --depths must list whole numbers from 2 to 1000",
        "sweep --threads 99999999             | --threads must be at most 1024",
        "sweep --fit-threshold Infinity       | --fit-threshold",
        "walkthrough --threads 99999999       | --threads must be at most 1024",
        "bench --steps 0                      | --steps must be a positive whole number",
        "bench --batch 0                      | --batch must be a positive whole number",
        "bench --batch 2147483647 --seed 5    | past the largest seed",
        "compare --python-timeout 0           | --python-timeout must be a positive whole number",
        "tutorial polynomial-nn --steps 0     | --steps must be a positive whole number, got 0",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String named) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));
        assertEquals(2, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "expected one line, got:\n" + err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(named), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals("", run.out());
    }

    @Test
    void helpExplainsEveryTrainOption() {
        CliRun run = CliRun.of("train", "--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--data", "--model", "--activation", "--hidden", "--steps", "--lr",
            "--seed", "--device"}) {
            assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
        }
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("walkthrough"));
        assertTrue(run.out().contains("train"));
    }
}
