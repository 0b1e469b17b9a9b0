package dev.djlfit.torch.vision.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An idx file of unsigned bytes (the MNIST format: magic {@code 0x0000 08 D}, then D big-endian
 * sizes, then the data), gzipped when its name ends in {@code .gz}.
 */
record IdxFile(int[] sizes, byte[] data) {

    /** How many items the first dimension counts. */
    int count() {
        return sizes[0];
    }

    /** The bytes of one item (the product of the other sizes). */
    int itemSize() {
        int size = 1;
        for (int i = 1; i < sizes.length; i++) {
            size *= sizes[i];
        }
        return size;
    }

    /** Reads {@code file}; a problem with its content is an {@link IllegalArgumentException} saying which. */
    static IdxFile read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            bytes = in.readAllBytes();
        }
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new IllegalArgumentException("no idx header");
        }
        if (bytes[2] != 0x08) {
            throw new IllegalArgumentException("not unsigned bytes (type 0x" + Integer.toHexString(bytes[2] & 0xff) + ")");
        }
        int dimensions = bytes[3] & 0xff;
        int header = 4 + 4 * dimensions;
        if (dimensions == 0 || bytes.length < header) {
            throw new IllegalArgumentException("header cut short");
        }
        int[] sizes = new int[dimensions];
        long total = 1;
        for (int d = 0; d < dimensions; d++) {
            int at = 4 + 4 * d;
            sizes[d] = ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            if (sizes[d] < 0) {
                throw new IllegalArgumentException("size " + Integer.toUnsignedString(sizes[d]) + " too large");
            }
            total *= sizes[d];
        }
        if (bytes.length - header != total) {
            throw new IllegalArgumentException("holds " + (bytes.length - header) + " data bytes where its header says "
                    + total);
        }
        return new IdxFile(sizes, Arrays.copyOfRange(bytes, header, bytes.length));
    }
}
