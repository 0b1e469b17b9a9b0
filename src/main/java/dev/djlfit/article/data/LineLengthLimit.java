package dev.djlfit.article.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a text read at the first line longer than a limit, as the characters come, so that a
 * file with no line breaks ({@code /dev/zero}, a binary blob) is refused before it fills memory.
 */
final class LineLengthLimit extends FilterReader {

    /** A line longer than the limit was met; {@link #line} is its number. */
    static final class TooLongException extends IOException {
        final long line;

        TooLongException(long line) {
            super("line " + line + " is too long");
            this.line = line;
        }
    }

    private final int limit;
    private long line = 1;
    private int run;

    LineLengthLimit(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) throws TooLongException {
        if (c == '\n') {
            line++;
            run = 0;
        } else if (++run > limit) {
            throw new TooLongException(line);
        }
    }
}
