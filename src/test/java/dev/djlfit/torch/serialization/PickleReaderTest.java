package dev.djlfit.torch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pickle reader on what Python's own pickler writes, protocols 2 to 5, and the writer read back. */
class PickleReaderTest {

    /**
     * {@code pickle.dumps(v, protocol=p).hex()} by CPython 3.11 for
     * {@code v = {'a': (1, -2, 300, 70000, -70000, 2**40, 2**70, -2**70), 'f': 3.5, 's': 'ü', 'b': b'xy',
     * 'n': None, 't': True, 'l': [1, [2]], 'set': {7}, 'fs': frozenset(), 'shared': (lst, lst)}}
     * with {@code lst = [1]}.
     */
    private static final Map<Integer, String> PYTHON_PICKLES = Map.of(
            2, "80027d7100285801000000617101284b014afeffffff4d2c014a701101004a90eefeff8a060000000000018a09000000000000"
                    + "0000408a090000000000000000c0747102580100000066710347400c00000000000058010000007371045802000000c3bc"
                    + "71055801000000627106635f636f646563730a656e636f64650a710758020000007879710858060000006c6174696e3171"
                    + "0986710a52710b58010000006e710c4e580100000074710d8858010000006c710e5d710f284b015d71104b026165580300"
                    + "00007365747111635f5f6275696c74696e5f5f0a7365740a71125d71134b0761857114527115580200000066737116635f"
                    + "5f6275696c74696e5f5f0a66726f7a656e7365740a71175d711885711952711a5806000000736861726564711b5d711c4b"
                    + "0161681c86711d752e",
            3, "80037d7100285801000000617101284b014afeffffff4d2c014a701101004a90eefeff8a060000000000018a09000000000000"
                    + "0000408a090000000000000000c0747102580100000066710347400c00000000000058010000007371045802000000c3bc"
                    + "7105580100000062710643027879710758010000006e71084e58010000007471098858010000006c710a5d710b284b015d"
                    + "710c4b0261655803000000736574710d636275696c74696e730a7365740a710e5d710f4b0761857110527111580200000066"
                    + "737112636275696c74696e730a66726f7a656e7365740a71135d7114857115527116580600000073686172656471175d71"
                    + "184b01616818867119752e",
            4, "8004959c000000000000007d94288c016194284b014afeffffff4d2c014a701101004a90eefeff8a060000000000018a0900"
                    + "00000000000000408a090000000000000000c074948c01669447400c0000000000008c0173948c02c3bc948c016294430278"
                    + "79948c016e944e8c017494888c016c945d94284b015d944b0261658c03736574948f94284b07908c026673942891948c0673"
                    + "6861726564945d944b016168128694752e",
            5, "8005959c000000000000007d94288c016194284b014afeffffff4d2c014a701101004a90eefeff8a060000000000018a0900"
                    + "00000000000000408a090000000000000000c074948c01669447400c0000000000008c0173948c02c3bc948c016294430278"
                    + "79948c016e944e8c017494888c016c945d94284b015d944b0261658c03736574948f94284b07908c026673942891948c0673"
                    + "6861726564945d944b016168128694752e");

    private static Object read(byte[] pickle) throws PickleException {
        return new PickleReader(pickle, new StateDictUnpickling()).load();
    }

    @Test
    void readsWhatPythonPicklesAtEveryProtocolFromTwo() throws PickleException {
        for (int protocol = 2; protocol <= 5; protocol++) {
            Map<?, ?> v = (Map<?, ?>) read(HexFormat.of().parseHex(PYTHON_PICKLES.get(protocol)));
            String at = "protocol " + protocol;
            assertEquals(List.of("a", "f", "s", "b", "n", "t", "l", "set", "fs", "shared"), List.copyOf(v.keySet()), at);
            BigInteger big = BigInteger.TWO.pow(70);
            assertEquals(new PyTuple(List.of(1L, -2L, 300L, 70000L, -70000L, 1L << 40, big, big.negate())), v.get("a"), at);
            assertEquals(3.5, v.get("f"), at);
            assertEquals("ü", v.get("s"), at);
            assertSame(PyNone.NONE, v.get("n"), at);
            assertEquals(Boolean.TRUE, v.get("t"), at);
            assertEquals(List.of(1L, List.of(2L)), v.get("l"), at);
            PyTuple shared = (PyTuple) v.get("shared");
            assertSame(shared.get(0), shared.get(1), at + ": the memo gives the same list twice");
            if (protocol >= 3) {
                assertArrayEquals(new byte[] {'x', 'y'}, (byte[]) v.get("b"), at);
            }
            if (protocol >= 4) {
                assertEquals(Set.of(7L), v.get("set"), at);
                assertEquals(Set.of(), v.get("fs"), at);
            } else {
                assertEquals("set", ((PyObject) v.get("set")).callable().name(), at);
            }
        }
    }

    @Test
    void readsBackWhatTheWriterWrites() throws PickleException {
        PickleWriter w = new PickleWriter();
        w.mark().string("storage").integer(255).integer(256).integer(65536).integer(-1).integer(1L << 40)
                .bool(true).tupleOf(1, 2, 3, 4).tupleOf().global("m", "g").global("m", "g").tupleFromMark();
        PyTuple t = (PyTuple) read(w.stop());
        assertEquals(List.of("storage", 255L, 256L, 65536L, -1L, 1L << 40, true, new PyTuple(List.of(1L, 2L, 3L, 4L)),
                new PyTuple(List.of()), new PyGlobal("m", "g"), new PyGlobal("m", "g")), t.items());
    }

    @Test
    void protocolNewerThanFiveIsRefused() {
        PickleException e = assertThrows(PickleException.class, () -> read(new byte[] {(byte) 0x80, 6, 'N', '.'}));
        assertEquals("is pickle protocol 6, newer than the 5 this reader knows", e.getMessage());
    }
}
