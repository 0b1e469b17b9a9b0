package dev.djlfit.torch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class GradModeTest {

    @Test
    void scopesNestAndRestoreAndArePerThread() throws InterruptedException {
        try (GradMode on = Torch.enableGrad()) {
            assertTrue(Torch.isGradEnabled());
            try (GradMode off = Torch.noGrad()) {
                assertFalse(Torch.isGradEnabled());
                AtomicBoolean otherThread = new AtomicBoolean();
                Thread t = new Thread(() -> {
                    try (GradMode other = Torch.enableGrad()) {
                        otherThread.set(Torch.isGradEnabled());
                    }
                });
                t.start();
                t.join();
                assertTrue(otherThread.get(), "another thread's mode is its own");
                assertFalse(Torch.isGradEnabled(), "and leaves this thread's alone");
            }
            assertTrue(Torch.isGradEnabled(), "no_grad restored the enclosing mode");
        }
    }
}
