package dev.djlfit.torch.serialization;

/** A name a pickle refers to ({@code GLOBAL module name}), e.g. {@code torch._utils._rebuild_tensor_v2}. */
record PyGlobal(String module, String name) {

    @Override
    public String toString() {
        return module + "." + name;
    }
}
