package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PyFormatTest {

    @Test
    void knownReprs() {
        assertEquals("1e-06", PyFormat.repr(1e-6));
        assertEquals("0.1", PyFormat.repr(0.1));
        assertEquals("36.5625", PyFormat.repr(36.5625));
        assertEquals("1.2345678901234568e+16", PyFormat.repr(1.2345678901234567e16)); // the literal is not exactly representable
        assertEquals("inf", PyFormat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyFormat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PyFormat.repr(Double.NaN));
        assertEquals("-0.0", PyFormat.repr(-0.0));
        assertEquals("0.0", PyFormat.repr(0.0));
        assertEquals("1e+16", PyFormat.repr(1e16));
        assertEquals("1000000000000000.0", PyFormat.repr(1e15));
        assertEquals("0.0001", PyFormat.repr(1e-4));
        assertEquals("5e-324", PyFormat.repr(Double.MIN_VALUE));
        assertEquals("0.10000000149011612", PyFormat.repr(0.1f));
        assertEquals("2.0", PyFormat.repr(2.0f));
    }

    @Test
    void printJoinsWithSpacesAsPythonsPrint() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("99 36.5625", PyFormat.line(99, Torch.item(m.create(36.5625f))));
            assertEquals("tensor([1., 2.])", PyFormat.line(m.create(new float[] {1, 2})));
            assertEquals("tensor(0.5000, requires_grad=True)", PyFormat.line(Torch.requiresGrad(m.create(0.5f))));
        }
    }

    /** Random doubles of every magnitude, and random float32s widened, against Python's repr. */
    @Tag("external")
    @Test
    void matchesPythonsReprOnRandomDoublesAndFloats() {
        Random random = new Random(2024);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
        }
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
        }
        for (int i = 0; i < 2000; i++) {
            values.add((double) Float.intBitsToFloat(random.nextInt()));
        }
        for (int i = 0; i < 1000; i++) {
            values.add((double) (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6)));
        }
        for (int e = -1074; e <= 1023; e += 7) {
            values.add(Math.scalb(1.0, e)); // powers of two: where the round-trip interval is lopsided
        }
        StringBuilder program = new StringBuilder("import struct\nfor h in '''");
        for (double v : values) {
            program.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
        }
        program.append("'''.split():\n    print(repr(struct.unpack('>d', bytes.fromhex(h.rjust(16, '0')))[0]))\n");
        List<String> python = TorchPython.run(program.toString());
        assertEquals(values.size(), python.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(python.get(i), PyFormat.repr(values.get(i)), "bits " + Long.toHexString(Double.doubleToRawLongBits(values.get(i))));
        }
    }
}
