package dev.djlfit.torch;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.Sequential;

import java.util.Map;

/**
 * A program run in a fresh JVM by the tests of the kit's start-up: {@code manager-first} makes an
 * {@code NDManager} before it touches the kit (the natural order), {@code kit-first} seeds with
 * {@link Torch#manualSeed} first; both print libtorch's intra-op thread count, on this thread and
 * on a new one. {@code load-state} copies a state dict into a model and prints a parameter.
 */
final class KitFirstUse {

    private KitFirstUse() {}

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "manager-first" -> {
                try (NDManager manager = NDManager.newBaseManager()) {
                    manager.ones(new ai.djl.ndarray.types.Shape(2)).sum();
                    Torch.manualSeed(0);
                    printThreads();
                }
            }
            case "kit-first" -> {
                Torch.manualSeed(0);
                try (NDManager manager = NDManager.newBaseManager()) {
                    manager.ones(new ai.djl.ndarray.types.Shape(2)).sum();
                    printThreads();
                }
            }
            case "load-state" -> {
                try (NDManager manager = NDManager.newBaseManager()) {
                    Torch.manualSeed(3);
                    Sequential source = new Sequential(new Linear(manager, 3, 2));
                    Torch.manualSeed(4);
                    Sequential target = new Sequential(new Linear(manager, 3, 2));
                    Map<String, TensorValues> state = source.stateDict();
                    target.loadStateDict(state);
                    System.out.println(target.stateDict().equals(state) + " " + PyFormat.str(target.stateDict().get("0.bias")));
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void printThreads() throws InterruptedException {
        int[] other = new int[1];
        Thread thread = new Thread(() -> other[0] = JniUtils.getNumThreads());
        thread.start();
        thread.join();
        System.out.println(JniUtils.getNumThreads() + " " + other[0]);
    }
}
