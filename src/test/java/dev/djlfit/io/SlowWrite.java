package dev.djlfit.io;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a file that never finishes, until it is stopped: for {@link InterruptedWriteTest}. */
public final class SlowWrite {

    private SlowWrite() {}

    public static void main(String[] args) {
        Outputs outputs = new Outputs(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        outputs.file("--json", Path.of(args[0])).write(out -> {
            out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
