package dev.djlfit.torch.serialization;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pickle of protocol 2 to 5, as Python's {@code pickle.load} would, for the opcodes
 * data (not code) uses: numbers, strings, bytes, tuples, lists, dicts, sets, memo, persistent ids,
 * and calls, which it leaves to its {@link PickleHooks}. Python values become Java ones:
 * int → {@link Long} (or {@link BigInteger} beyond 64 bits), float → {@link Double}, str →
 * {@link String}, bytes → {@code byte[]}, tuple → {@link PyTuple}, list → {@link ArrayList},
 * dict → {@link LinkedHashMap} (insertion order), set → {@link LinkedHashSet}, None → {@link PyNone}.
 */
final class PickleReader {

    private final byte[] data;
    private final PickleHooks hooks;
    private int pos;
    private List<Object> stack = new ArrayList<>();
    private final Deque<List<Object>> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    PickleReader(byte[] data, PickleHooks hooks) {
        this.data = data;
        this.hooks = hooks;
    }

    /** The one object the pickle holds. */
    Object load() throws PickleException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = u8();
                    if (protocol > 5) {
                        throw new PickleException("is pickle protocol " + protocol + ", newer than the 5 this reader knows");
                    }
                }
                case 0x95 -> bytes(8) /* FRAME: a length to prefetch, nothing to do */;
                case '.' -> { // STOP
                    Object result = pop();
                    return result;
                }
                case '(' -> { // MARK
                    marks.push(stack);
                    stack = new ArrayList<>();
                }
                case '0' -> pop(); // POP
                case '1' -> popMark(); // POP_MARK
                case '2' -> push(top()); // DUP
                case 'N' -> push(PyNone.NONE);
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 'J' -> push((long) s32()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (u8() | (u8() << 8))); // BININT2
                case 0x8a -> push(littleEndianInteger(bytes(u8()))); // LONG1
                case 0x8b -> push(littleEndianInteger(bytes(length(s32())))); // LONG4
                case 'G' -> push(Double.longBitsToDouble(bigEndianLong())); // BINFLOAT
                case 'X' -> push(utf8(bytes(length(u32())))); // BINUNICODE
                case 0x8c -> push(utf8(bytes(u8()))); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(bytes(length(u64())))); // BINUNICODE8
                case 'C' -> push(bytes(u8())); // SHORT_BINBYTES
                case 'B' -> push(bytes(length(u32()))); // BINBYTES
                case 0x8e, 0x96 -> push(bytes(length(u64()))); // BINBYTES8, BYTEARRAY8
                case 'U' -> push(latin1(bytes(u8()))); // SHORT_BINSTRING
                case 'T' -> push(latin1(bytes(length(s32())))); // BINSTRING
                case ')' -> push(new PyTuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(new PyTuple(popMark())); // TUPLE
                case 0x85 -> push(tupleOfLast(1)); // TUPLE1
                case 0x86 -> push(tupleOfLast(2)); // TUPLE2
                case 0x87 -> push(tupleOfLast(3)); // TUPLE3
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case 'l' -> push(new ArrayList<>(popMark())); // LIST
                case 'a' -> { // APPEND
                    Object item = pop();
                    list(top()).add(item);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 'd' -> push(putAll(new LinkedHashMap<>(), popMark())); // DICT
                case 's' -> { // SETITEM
                    Object value = pop();
                    Object key = pop();
                    dict(top()).put(key, value);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popMark();
                    putAll(dict(top()), items);
                }
                case 0x8f -> push(new LinkedHashSet<>()); // EMPTY_SET
                case 0x90 -> { // ADDITEMS
                    List<Object> items = popMark();
                    set(top()).addAll(items);
                }
                case 0x91 -> push(java.util.Collections.unmodifiableSet(new LinkedHashSet<>(popMark()))); // FROZENSET
                case 'c' -> push(hooks.global(new PyGlobal(line(), line()))); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m && name instanceof String n)) {
                        throw new PickleException("names a global with something other than strings");
                    }
                    push(hooks.global(new PyGlobal(m, n)));
                }
                case 'R' -> { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    push(hooks.call(callable, tuple(args).items()));
                }
                case 0x81 -> { // NEWOBJ
                    Object args = pop();
                    Object cls = pop();
                    push(hooks.call(cls, tuple(args).items()));
                }
                case 'b' -> { // BUILD
                    Object state = pop();
                    Object target = pop();
                    push(hooks.build(target, state));
                }
                case 'Q' -> push(hooks.persistentLoad(pop())); // BINPERSID
                case 'q' -> memo.put((long) u8(), top()); // BINPUT
                case 'r' -> memo.put(u32(), top()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), top()); // MEMOIZE
                case 'h' -> push(memo((long) u8())); // BINGET
                case 'j' -> push(memo(u32())); // LONG_BINGET
                default -> throw new PickleException(String.format(
                        "uses pickle opcode 0x%02x at byte %d, which this reader does not handle", op, at));
            }
        }
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() throws PickleException {
        if (stack.isEmpty()) {
            throw new PickleException("is malformed (it takes from an empty stack)");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() throws PickleException {
        if (stack.isEmpty()) {
            throw new PickleException("is malformed (it takes from an empty stack)");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() throws PickleException {
        if (marks.isEmpty()) {
            throw new PickleException("is malformed (a mark is missing)");
        }
        List<Object> items = stack;
        stack = marks.pop();
        return items;
    }

    private PyTuple tupleOfLast(int n) throws PickleException {
        if (stack.size() < n) {
            throw new PickleException("is malformed (it takes from an empty stack)");
        }
        List<Object> last = stack.subList(stack.size() - n, stack.size());
        PyTuple tuple = new PyTuple(last);
        last.clear();
        return tuple;
    }

    private Object memo(long index) throws PickleException {
        Object o = memo.get(index);
        if (o == null) {
            throw new PickleException("is malformed (it refers to memo entry " + index + ", never stored)");
        }
        return o;
    }

    private static Map<Object, Object> putAll(Map<Object, Object> target, List<Object> keysAndValues)
            throws PickleException {
        if (keysAndValues.size() % 2 != 0) {
            throw new PickleException("is malformed (a dict item has no value)");
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            target.put(keysAndValues.get(i), keysAndValues.get(i + 1));
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) throws PickleException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new PickleException("sets an item on " + PythonWords.describe(o) + ", not on a dict");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) throws PickleException {
        if (o instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw new PickleException("appends to " + PythonWords.describe(o) + ", not to a list");
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Object o) throws PickleException {
        if (o instanceof LinkedHashSet<?> s) {
            return (Set<Object>) s;
        }
        throw new PickleException("adds to " + PythonWords.describe(o) + ", not to a set");
    }

    private static PyTuple tuple(Object o) throws PickleException {
        if (o instanceof PyTuple t) {
            return t;
        }
        throw new PickleException("calls something with " + PythonWords.describe(o) + " as its arguments, not a tuple");
    }

    private int u8() throws PickleException {
        need(1);
        return data[pos++] & 0xff;
    }

    private int s32() throws PickleException {
        need(4);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | data[pos + 3] << 24;
        pos += 4;
        return v;
    }

    private long u32() throws PickleException {
        return s32() & 0xffffffffL;
    }

    private long u64() throws PickleException {
        long low = u32();
        long high = u32();
        return low | high << 32;
    }

    private long bigEndianLong() throws PickleException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (data[pos++] & 0xff);
        }
        return v;
    }

    private int length(long n) throws PickleException {
        if (n < 0 || n > data.length - pos) {
            throw new PickleException("ends early (cut short, or damaged)");
        }
        return (int) n;
    }

    private void need(int n) throws PickleException {
        if (data.length - pos < n) {
            throw new PickleException("ends early (cut short, or damaged)");
        }
    }

    private byte[] bytes(int n) throws PickleException {
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    private String line() throws PickleException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        need(1);
        String s = new String(data, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    private static Object littleEndianInteger(byte[] twosComplement) {
        if (twosComplement.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[twosComplement.length];
        for (int i = 0; i < bigEndian.length; i++) {
            bigEndian[i] = twosComplement[twosComplement.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static String utf8(byte[] bytes) throws PickleException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PickleException("holds a string that is not UTF-8");
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
