package dev.djlfit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How {@link DocumentedCommandsTest} reads commands out of Markdown, on a page written here. */
class DocumentedCommandTest {

    @Test
    void readsOnlyBashBlocksWithTheirCommentsAndLineNumbers(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("page.md"), String.join("\n",
                "Text with `mvn inline` is not a command.",
                "```bash",
                "# a whole-line comment",
                "",
                "java -jar target/djl-fit.jar train --truth '2*x # not a comment' --steps 10   # short",
                "java -jar target/djl-fit.jar sweep \\",
                "    --seeds 4   # long: minutes",
                "```",
                "```text",
                "java -jar target/djl-fit.jar --never-run",
                "```",
                ""));
        List<DocumentedCommand> commands = DocumentedCommand.in(root, Path.of("page.md"));

        assertEquals(2, commands.size(), commands.toString());
        DocumentedCommand train = commands.get(0);
        assertEquals(5, train.line());
        assertEquals("java -jar target/djl-fit.jar train --truth '2*x # not a comment' --steps 10", train.text());
        assertEquals("short", train.comment());
        assertFalse(train.isLong());
        DocumentedCommand sweep = commands.get(1);
        assertEquals(6, sweep.line());
        assertEquals("java -jar target/djl-fit.jar sweep  --seeds 4", sweep.text());
        assertTrue(sweep.isLong());
    }

    @Test
    void anUnclosedBlockIsAnError(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("page.md"), "```bash\nmvn -q compile\n");
        assertThrows(IllegalStateException.class, () -> DocumentedCommand.in(root, Path.of("page.md")));
    }

    @Test
    void splitsWordsAsBashAndExecMavenPluginDo() {
        assertEquals(List.of("mvn", "-q", "compile", "exec:java", "-Dexec.args=train --function '3*x^2 + 1' --x 0:3:1"),
                ShellWords.split("mvn -q compile exec:java -Dexec.args=\"train --function '3*x^2 + 1' --x 0:3:1\""));
        assertEquals(List.of("train", "--function", "3*x^2 + 1", "--x", "0:3:1"),
                ShellWords.split("train --function '3*x^2 + 1' --x 0:3:1"));
        assertEquals(List.of("a b", "c\"d"), ShellWords.split("a\\ b \"c\\\"d\""));
    }

    @Test
    void refusesShellSyntaxThatOnlyBashCouldRun() {
        for (String line : List.of("java -cp target/classes:$(cat cp.txt) Main", "predict --x 1 | head",
                "train > out.txt", "echo \"$HOME\"", "train --truth 'open")) {
            assertThrows(IllegalArgumentException.class, () -> ShellWords.split(line), line);
        }
    }
}
