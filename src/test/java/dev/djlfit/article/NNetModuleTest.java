package dev.djlfit.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.djlfit.article.Article.NNet;
import dev.djlfit.torch.TorchPythonAccess;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The article's net as a kit Module: printed and named as PyTorch prints and names the article's NNet. */
@Tag("external")
class NNetModuleTest {

    @Test
    void printsAndNamesItsParametersAsTheArticlesNNet() {
        List<String> python = TorchPythonAccess.run("import torch\n"
                + "class NNet(torch.nn.Module):\n"
                + "    def __init__(self):\n"
                + "        super().__init__()\n"
                + "        self.l1 = torch.nn.Linear(1, 10)\n"
                + "        self.l2 = torch.nn.Linear(10, 10)\n"
                + "        self.l3 = torch.nn.Linear(10, 1)\n"
                + "print(NNet())\n"
                + "print(' '.join(NNet().state_dict().keys()))\n");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NNet net = Nets.initialise(manager, ModelKind.DEEP.architecture(10, Nonlinearity.TANH), 0);
            assertEquals(String.join("\n", python),
                    net + "\n" + String.join(" ", net.stateDict().keySet()));
        }
    }
}
