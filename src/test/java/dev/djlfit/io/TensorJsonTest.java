package dev.djlfit.io;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.djlfit.torch.TensorValues;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorJsonTest {

    @Test
    void nestsAsTolistDoes() {
        assertEquals("0.5", TensorJson.write(new TensorValues(new long[0], new float[] {0.5f})).toString());
        assertEquals("[1.0,2.0]", TensorJson.write(TensorValues.vector(1, 2)).toString());
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]",
                TensorJson.write(new TensorValues(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})).toString());
        assertEquals("[]", TensorJson.write(TensorValues.vector()).toString());
    }

    @Test
    void readingBackGivesTheSameShapesAndBits() {
        Map<String, TensorValues> tensors = new LinkedHashMap<>();
        tensors.put("a", new TensorValues(new long[0], new float[] {-0.007486820220947266f}));
        tensors.put("0.weight", new TensorValues(new long[] {2, 3}, new float[] {0.1f, -2e-8f, 3.4028235e38f, 1.4e-45f, 0, -1}));
        tensors.put("0.bias", TensorValues.vector(Float.MIN_NORMAL, 7));
        tensors.put("empty", new TensorValues(new long[] {1, 0}, new float[0]));
        Map<String, TensorValues> back = TensorJson.readAll(
                JsonParser.parseString(TensorJson.write(tensors).toString()).getAsJsonObject(), "parameter");
        assertEquals(tensors.keySet().stream().toList(), back.keySet().stream().toList());
        tensors.forEach((name, t) -> {
            assertArrayEquals(t.shape(), back.get(name).shape(), name);
            assertArrayEquals(t.values(), back.get(name).values(), name);
        });
    }

    @Test
    void aRaggedNestingOrANonNumberIsNamed() {
        String ragged = assertThrows(JsonParseException.class,
                () -> TensorJson.read(JsonParser.parseString("[[1, 2], [3]]"), "parameter w")).getMessage();
        assertEquals("parameter w is not rectangular: dimension 1 holds 1 items where 2 were expected", ragged);
        String deeper = assertThrows(JsonParseException.class,
                () -> TensorJson.read(JsonParser.parseString("[[1, 2], [3, [4]]]"), "parameter w")).getMessage();
        assertTrue(deeper.startsWith("parameter w holds [4], not numbers"), deeper);
        String text = assertThrows(JsonParseException.class,
                () -> TensorJson.read(JsonParser.parseString("[1, \"x\"]"), "predictions.y")).getMessage();
        assertEquals("predictions.y holds \"x\", not numbers", text);
    }
}
