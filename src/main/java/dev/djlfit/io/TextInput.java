package dev.djlfit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole text file the user gave (a trace, a model description), read within a size limit that
 * is checked before reading: the file's size where it has one, and the bytes as they come where it
 * has none ({@code /dev/urandom}, a pipe), so nothing endless or huge is ever held. The text must
 * be UTF-8.
 */
public final class TextInput {

    /** What a parsed document costs in memory for each byte of its text, about (Gson's tree of boxed values). */
    static final int MEMORY_PER_BYTE = 16;

    private TextInput() {}

    /**
     * @param shown how to name it in messages, e.g. {@code --inputs run.json}
     * @param limit the most bytes such a file can sensibly have
     * @throws CannotReadException where it is missing, a folder, too large, or not UTF-8 text
     */
    public static String read(Path file, long limit, String shown) {
        if (Files.isDirectory(file)) {
            throw new CannotReadException(shown + ": is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new CannotReadException(shown + ": no such file");
        }
        long allowed = Math.min(limit, Math.max(0, freeHeap() / MEMORY_PER_BYTE));
        try {
            if (Files.isRegularFile(file) && Files.size(file) > allowed) {
                throw tooLarge(shown, "is " + bytes(Files.size(file)), allowed, limit);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readAtMost(in, allowed);
            }
            if (bytes.length > allowed) {
                throw tooLarge(shown, "goes on past " + bytes(allowed), allowed, limit);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CannotReadException(shown + ": is not a UTF-8 text file (binary, or another encoding"
                    + " such as Latin-1 or UTF-16)");
        } catch (IOException e) {
            throw new CannotReadException(shown + ": cannot read it (" + Reasons.of(e) + ")", e);
        }
    }

    /** Up to {@code limit} + 1 bytes: one more than allowed says it is too large. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long left = limit + 1;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            bytes.write(buffer, 0, n);
            left -= n;
        }
        return bytes.toByteArray();
    }

    private static CannotReadException tooLarge(String shown, String size, long allowed, long limit) {
        String why = allowed < limit
                ? "more than Java's free memory can parse now (" + bytes(allowed) + "; give Java more with -Xmx)"
                : "more than such a file can sensibly have (" + bytes(limit) + ")";
        return new CannotReadException(shown + ": " + size + ", " + why);
    }

    private static String bytes(long n) {
        return n >= 10L << 20 ? (n >> 20) + " MiB" : n >= 10L << 10 ? (n >> 10) + " KiB" : n + " bytes";
    }

    private static long freeHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
