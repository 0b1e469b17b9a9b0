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
 * readers may map storages straight from the file. Past 4 GiB or 65535 entries, the central
 * directory switches to zip64 records; one entry stays under 2 GiB (a Java array).
 */
final class StoredZipWriter {

    static final int ALIGNMENT = 64;
    /** Offsets and counts from which zip64 records are needed. */
    static final long ZIP32_LIMIT = 0xffffffffL;
    private static final int ZIP32_MAX_ENTRIES = 0xffff;
    private static final int UTF8_NAMES = 0x0800;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;
    private static final int VERSION_2_0 = 20;
    private static final int VERSION_ZIP64 = 45;

    private record CentralEntry(byte[] name, long crc, long size, long offset) {}

    private final OutputStream out;
    private final long zip64From;
    private final List<CentralEntry> entries = new ArrayList<>();
    private long position;

    StoredZipWriter(OutputStream out) {
        this(out, ZIP32_LIMIT);
    }

    /** {@code zip64From}: the offset from which zip64 records are written (lower only to test them). */
    StoredZipWriter(OutputStream out, long zip64From) {
        this.out = out;
        this.zip64From = zip64From;
    }

    void add(String name, byte[] content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        long offset = position;
        byte[] padding = padding(offset + 30 + nameBytes.length);
        int32(0x04034b50);
        int16(VERSION_2_0);
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
            boolean farOffset = e.offset() >= zip64From;
            int version = farOffset ? VERSION_ZIP64 : VERSION_2_0;
            int32(0x02014b50);
            int16(version); // made by
            int16(version); // needed
            int16(UTF8_NAMES);
            int16(0);
            int16(0);
            int16(DOS_DATE_1980_01_01);
            int32(e.crc());
            int32(farOffset ? ZIP32_LIMIT : e.size());
            int32(farOffset ? ZIP32_LIMIT : e.size());
            int16(e.name().length);
            int16(farOffset ? 28 : 0); // extra: zip64 sizes and offset
            int16(0); // comment
            int16(0); // disk
            int16(0); // internal attributes
            int32(0); // external attributes
            int32(farOffset ? ZIP32_LIMIT : e.offset());
            bytes(e.name());
            if (farOffset) {
                // sizes too, as miniz (PyTorch's reader) checks a 32-bit offset against a 32-bit size
                int16(0x0001);
                int16(24);
                int64(e.size());
                int64(e.size());
                int64(e.offset());
            }
        }
        long size = position - start;
        boolean zip64 = start >= zip64From || size >= zip64From || position >= zip64From
                || entries.size() >= Math.min(ZIP32_MAX_ENTRIES, zip64From);
        if (zip64) {
            long record = position;
            int32(0x06064b50); // zip64 end of central directory
            int64(44);
            int16(VERSION_ZIP64);
            int16(VERSION_ZIP64);
            int32(0);
            int32(0);
            int64(entries.size());
            int64(entries.size());
            int64(size);
            int64(start);
            int32(0x07064b50); // its locator
            int32(0);
            int64(record);
            int32(1);
        }
        int32(0x06054b50);
        int16(0);
        int16(0);
        int16(zip64 ? ZIP32_MAX_ENTRIES : entries.size());
        int16(zip64 ? ZIP32_MAX_ENTRIES : entries.size());
        int32(zip64 ? ZIP32_LIMIT : size);
        int32(zip64 ? ZIP32_LIMIT : start);
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

    private void int16(int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        position += 2;
    }

    private void int32(long v) throws IOException {
        int16((int) (v & 0xffff));
        int16((int) ((v >>> 16) & 0xffff));
    }

    private void int64(long v) throws IOException {
        int32(v & 0xffffffffL);
        int32(v >>> 32);
    }

    private void bytes(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }
}
