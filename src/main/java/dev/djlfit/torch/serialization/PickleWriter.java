package dev.djlfit.torch.serialization;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a pickle of protocol 2 with the opcodes {@code torch.save} itself writes, which also
 * are the ones {@code torch.load(..., weights_only=True)} accepts. Names ({@code GLOBAL}) are
 * written once and fetched from the memo after.
 */
final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> memoizedGlobals = new HashMap<>();

    PickleWriter() {
        out.write(0x80); // PROTO
        out.write(2);
    }

    PickleWriter global(String module, String name) {
        String key = module + "\n" + name;
        Integer index = memoizedGlobals.get(key);
        if (index != null) {
            return memoGet(index);
        }
        out.write('c');
        writeBytes((key + "\n").getBytes(StandardCharsets.UTF_8));
        index = memoizedGlobals.size();
        memoizedGlobals.put(key, index);
        return memoPut(index);
    }

    PickleWriter mark() {
        out.write('(');
        return this;
    }

    /** Everything since the matching {@link #mark()} becomes one tuple. */
    PickleWriter tupleFromMark() {
        out.write('t');
        return this;
    }

    PickleWriter emptyTuple() {
        out.write(')');
        return this;
    }

    /** A tuple of ints, e.g. a tensor's size or stride. */
    PickleWriter tupleOf(long... values) {
        switch (values.length) {
            case 0 -> emptyTuple();
            case 1, 2, 3 -> {
                for (long v : values) {
                    integer(v);
                }
                out.write(0x85 + values.length - 1); // TUPLE1, TUPLE2, TUPLE3
            }
            default -> {
                mark();
                for (long v : values) {
                    integer(v);
                }
                tupleFromMark();
            }
        }
        return this;
    }

    PickleWriter integer(long v) {
        if (v >= 0 && v < 0x100) {
            out.write('K'); // BININT1
            out.write((int) v);
        } else if (v >= 0 && v < 0x10000) {
            out.write('M'); // BININT2
            writeLittleEndian(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J'); // BININT
            writeLittleEndian(v, 4);
        } else {
            out.write(0x8a); // LONG1, 8 bytes of two's complement
            out.write(8);
            writeLittleEndian(v, 8);
        }
        return this;
    }

    PickleWriter string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE
        writeLittleEndian(utf8.length, 4);
        writeBytes(utf8);
        return this;
    }

    PickleWriter bool(boolean b) {
        out.write(b ? 0x88 : 0x89); // NEWTRUE, NEWFALSE
        return this;
    }

    /** {@code callable(*args)}: the callable, then the args tuple, are on the stack. */
    PickleWriter reduce() {
        out.write('R');
        return this;
    }

    /** The tuple on the stack is a persistent id: the unpickler's {@code persistent_load} replaces it. */
    PickleWriter persistentId() {
        out.write('Q'); // BINPERSID
        return this;
    }

    /** The key/value pairs since the matching {@link #mark()} go into the dict under them. */
    PickleWriter setItemsFromMark() {
        out.write('u');
        return this;
    }

    byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }

    private PickleWriter memoPut(int index) {
        if (index < 0x100) {
            out.write('q'); // BINPUT
            out.write(index);
        } else {
            out.write('r'); // LONG_BINPUT
            writeLittleEndian(index, 4);
        }
        return this;
    }

    private PickleWriter memoGet(int index) {
        if (index < 0x100) {
            out.write('h'); // BINGET
            out.write(index);
        } else {
            out.write('j'); // LONG_BINGET
            writeLittleEndian(index, 4);
        }
        return this;
    }

    private void writeLittleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private void writeBytes(byte[] b) {
        out.write(b, 0, b.length);
    }
}
