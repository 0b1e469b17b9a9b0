package dev.djlfit.torch.serialization;

import java.util.List;

/**
 * What a pickle built by calling something the reader does not know ({@code REDUCE} or
 * {@code NEWOBJ}): the callable and its arguments, kept to be named in a message.
 */
record PyObject(PyGlobal callable, List<Object> args) {}
