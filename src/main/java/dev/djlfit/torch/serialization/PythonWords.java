package dev.djlfit.torch.serialization;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How messages name the values a {@link PickleReader} made: in Python's words ("an int", "a tuple"). */
final class PythonWords {

    private PythonWords() {}

    /** How a message names a value read from a pickle, in Python's words. */
    static String describe(Object o) {
        if (o instanceof PyObject p) {
            return "a " + p.callable();
        }
        if (o instanceof PyGlobal g) {
            return g.toString();
        }
        if (o == PyNone.NONE) {
            return "None";
        }
        String type = pythonType(o);
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** Python's name for the type of a value this reader made. */
    static String pythonType(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        } else if (o instanceof Double) {
            return "float";
        } else if (o instanceof Boolean) {
            return "bool";
        } else if (o instanceof String) {
            return "str";
        } else if (o instanceof byte[]) {
            return "bytes";
        } else if (o instanceof PyTuple) {
            return "tuple";
        } else if (o instanceof List<?>) {
            return "list";
        } else if (o instanceof Map<?, ?>) {
            return "dict";
        } else if (o instanceof Set<?>) {
            return "set";
        } else if (o == PyNone.NONE) {
            return "None";
        } else if (o instanceof PyObject p) {
            return p.callable().toString();
        }
        return "object";
    }
}
