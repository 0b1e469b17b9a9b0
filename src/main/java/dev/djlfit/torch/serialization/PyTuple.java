package dev.djlfit.torch.serialization;

import java.util.List;

/** A Python tuple read from a pickle. */
record PyTuple(List<Object> items) {

    PyTuple {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    int size() {
        return items.size();
    }

    Object get(int index) {
        return items.get(index);
    }
}
