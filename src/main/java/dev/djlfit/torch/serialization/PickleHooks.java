package dev.djlfit.torch.serialization;

import java.util.List;

/** What a {@link PickleReader} asks its caller: the objects a pickle's names and ids stand for. */
interface PickleHooks {

    /** The object a {@code GLOBAL} names, or the name itself to be called later. */
    Object global(PyGlobal name) throws PickleException;

    /** {@code callable(*args)}, for {@code REDUCE} and {@code NEWOBJ}. */
    Object call(Object callable, List<Object> args) throws PickleException;

    /** {@code BUILD}: sets {@code state} on {@code target}; returns what stands for it from now on. */
    Object build(Object target, Object state) throws PickleException;

    /** The object a persistent id ({@code BINPERSID}) stands for. */
    Object persistentLoad(Object id) throws PickleException;
}
