package dev.djlfit.torch.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip whose entries are stored, not compressed, each entry's data starting at a
 * multiple of 64 bytes (padding in an extra field, as PyTorch's own writer does), so that
 * readers may map storages straight from the file. Plain zip, without zip64: 4 GiB at most.
 */
final class StoredZipWriter {

    static final int ALIGNMENT = 64;
    private static final long ZIP32_LIMIT = 0xffffffffL;
    private static final int UTF8_NAMES = 0x0800;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;

    private record CentralEntry(byte[] name, long crc, long size, long offset) {}

    private final OutputStream out;
    private final List<CentralEntry> entries = new ArrayList<>();
    private long position;

    StoredZipWriter(OutputStream out) {
        this.out = out;
    }

    void add(String name, byte[] content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        long offset = position;
        byte[] padding = padding(offset + 30 + nameBytes.length);
        requireZip32(offset + 30 + nameBytes.length + padding.length + content.length);
        int32(0x04034b50);
        int16(20); // version needed: 2.0
        int16(UTF8_NAMES);
        int16(0); // stored
        int16(0); // time 00:00
        int16(DOS_DATE_1980_01_01);
        int32(crc.getValue());
        int32(content.length);
        int32(content.length);
        int16(nameBytes.length);
        int16(padding.length);
        bytes(nameBytes);
        bytes(padding);
        bytes(content);
        entries.add(new CentralEntry(nameBytes, crc.getValue(), content.length, offset));
    }

    /** Writes the central directory; the stream stays open. */
    void finish() throws IOException {
        long start = position;
        for (CentralEntry e : entries) {
            int32(0x02014b50);
            int16(20); // made by
            int16(20); // needed
            int16(UTF8_NAMES);
            int16(0);
            int16(0);
            int16(DOS_DATE_1980_01_01);
            int32(e.crc());
            int32(e.size());
            int32(e.size());
            int16(e.name().length);
            int16(0); // extra
            int16(0); // comment
            int16(0); // disk
            int16(0); // internal attributes
            int32(0); // external attributes
            int32(e.offset());
            bytes(e.name());
        }
        long size = position - start;
        requireZip32(position);
        if (entries.size() > 0xffff) {
            throw new IOException("more than 65535 tensors, which needs zip64");
        }
        int32(0x06054b50);
        int16(0);
        int16(0);
        int16(entries.size());
        int16(entries.size());
        int32(size);
        int32(start);
        int16(0); // comment
        out.flush();
    }

    private static byte[] padding(long dataStartWithoutPadding) {
        int pad = (int) ((ALIGNMENT - dataStartWithoutPadding % ALIGNMENT) % ALIGNMENT);
        if (pad == 0) {
            return new byte[0];
        }
        if (pad < 4) {
            pad += ALIGNMENT;
        }
        byte[] field = new byte[pad];
        field[0] = 'F';
        field[1] = 'B';
        field[2] = (byte) (pad - 4);
        field[3] = (byte) ((pad - 4) >>> 8);
        java.util.Arrays.fill(field, 4, pad, (byte) 'Z');
        return field;
    }

    private static void requireZip32(long end) throws IOException {
        if (end > ZIP32_LIMIT) {
            throw new IOException("the file would pass 4 GiB, which needs zip64");
        }
    }

    private void int16(int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        position += 2;
    }

    private void int32(long v) throws IOException {
        int16((int) (v & 0xffff));
        int16((int) ((v >>> 16) & 0xffff));
    }

    private void bytes(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }
}
