package dev.djlfit.terminal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The process's standard output as a writer that remembers why a write failed ({@code > /dev/full},
 * a closed pipe), where {@code System.out} would drop the failure silently; the command then ends
 * with one line that says the output is incomplete, not exit 0.
 */
public final class StandardOutput extends OutputStream {

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private volatile String failure;

    public static PrintWriter writer(StandardOutput stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, Charset.defaultCharset()), true);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e.getMessage() == null || e.getMessage().isBlank() ? "the write failed" : e.getMessage();
        }
        return e;
    }

    /** Why the first write failed, e.g. {@code No space left on device}; null while none has. */
    public String failure() {
        return failure;
    }
}
