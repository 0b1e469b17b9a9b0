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
        "train --hidden 0                     | --hidden",
        "train --device tpu                   | --device",
        "train --device gpu:x                 | --device",
        "train --no-such-option               | --no-such-option",
        "walkthrough --threads 0              | --threads",
        "frobnicate                           | frobnicate",
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
