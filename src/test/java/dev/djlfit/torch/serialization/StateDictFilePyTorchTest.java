package dev.djlfit.torch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.djlfit.torch.TensorValues;
import dev.djlfit.torch.Torch;
import dev.djlfit.torch.TorchPythonAccess;
import dev.djlfit.torch.nn.Linear;
import dev.djlfit.torch.nn.ReLU;
import dev.djlfit.torch.nn.Sequential;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .pth} files both ways against Debian's PyTorch 1.13 ({@code /usr/bin/python3}): skipped,
 * saying what to install, without torch; failed where {@code DJLFIT_REQUIRE_PYTORCH} is set.
 * Values are compared as bits: PyTorch prints each tensor's float32 bytes in hex.
 */
class StateDictFilePyTorchTest {

    /** Prints {@code name|dtype|shape|hex of the float32 values, row-major} for each tensor of a state_dict. */
    private static final String PRINT_STATE = """
            def print_state(sd, tag=''):
                for k, v in sd.items():
                    print(tag + k + '|' + str(v.dtype) + '|' + ','.join(map(str, v.shape)) + '|'
                          + v.detach().contiguous().float().numpy().tobytes().hex())
            """;

    @TempDir
    Path dir;

    private record Line(String tag, String name, String dtype, long[] shape, float[] values) {}

    private static List<Line> parse(List<String> lines, String tag) {
        List<Line> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(tag)) {
                continue;
            }
            String[] parts = line.substring(tag.length()).split("\\|", -1);
            long[] shape = parts[2].isEmpty() ? new long[0]
                    : java.util.Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
            byte[] bytes = HexFormat.of().parseHex(parts[3]);
            float[] values = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            out.add(new Line(tag, parts[0], parts[1], shape, values));
        }
        return out;
    }

    private static Map<String, TensorValues> asState(List<Line> lines) {
        Map<String, TensorValues> state = new LinkedHashMap<>();
        for (Line l : lines) {
            state.put(l.name(), new TensorValues(l.shape(), l.values()));
        }
        return state;
    }

    private static String py(Path p) {
        return "r'" + p.toAbsolutePath() + "'";
    }

    @Tag("external")
    @Test
    void fileJavaWroteLoadsInPyTorchWithAndWithoutWeightsOnlyBitEqual() throws java.io.IOException {
        Path file = dir.resolve("model.pth");
        Map<String, TensorValues> state = StateDictFileRoundTripTest.sample();
        Torch.save(state, file);
        Path empty = dir.resolve("empty.pth");
        Torch.save(Map.of(), empty);
        Path zip64 = StateDictFileRoundTripTest.saveWithZip64Records(state, dir.resolve("zip64.pth"));

        List<String> out = TorchPythonAccess.run("import torch\n" + PRINT_STATE
                + "sd = torch.load(" + py(file) + ")\n"
                + "print('type|' + type(sd).__module__ + '.' + type(sd).__name__)\n"
                + "print_state(sd, 'full|')\n"
                + "print_state(torch.load(" + py(file) + ", weights_only=True), 'weights_only|')\n"
                + "print_state(torch.load(" + py(zip64) + ", weights_only=True), 'zip64|')\n"
                + "print('empty|' + repr(torch.load(" + py(empty) + ", weights_only=True)))\n");

        assertEquals("type|collections.OrderedDict", out.get(0));
        assertEquals("empty|OrderedDict()", out.get(out.size() - 1));
        for (String tag : List.of("full|", "weights_only|", "zip64|")) {
            List<Line> lines = parse(out, tag);
            lines.forEach(l -> assertEquals("torch.float32", l.dtype(), l.name()));
            StateDictFileRoundTripTest.assertBitEqual(state, asState(lines));
        }
    }

    @Tag("external")
    @Test
    void quickstartStateDictPyTorchWroteLoadsInJavaBitEqualWithViewsScalarsAndBuffers() {
        Path file = dir.resolve("quickstart.pth");
        List<String> out = TorchPythonAccess.run("import torch\nfrom torch import nn\n" + PRINT_STATE + """
                torch.manual_seed(11)
                class NeuralNetwork(nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.flatten = nn.Flatten()
                        self.linear_relu_stack = nn.Sequential(
                            nn.Linear(28*28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
                sd = NeuralNetwork().state_dict()
                base = torch.randn(3, 4)
                sd['scalar'] = torch.tensor(2.5)
                sd['view'] = base.t()[1:]
                sd['base'] = base
                sd['row'] = base[2]
                bn = nn.BatchNorm1d(3)
                bn(torch.randn(5, 3))
                for k, v in bn.state_dict().items():
                    sd['bn.' + k] = v
                sd['half'] = torch.randn(4).half()
                """ + "torch.save(sd, " + py(file) + ")\n"
                + "print_state(torch.load(" + py(file) + "), 'saved|')\n");

        List<Line> saved = parse(out, "saved|");
        Map<String, TensorValues> loaded = Torch.load(file);

        assertEquals(List.of("linear_relu_stack.0.weight", "linear_relu_stack.0.bias",
                "linear_relu_stack.2.weight", "linear_relu_stack.2.bias",
                "linear_relu_stack.4.weight", "linear_relu_stack.4.bias",
                "scalar", "view", "base", "row", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
                "bn.num_batches_tracked", "half"), List.copyOf(loaded.keySet()));
        assertArrayEquals(new long[] {512, 784}, loaded.get("linear_relu_stack.0.weight").shape());
        assertArrayEquals(new long[] {}, loaded.get("scalar").shape());
        assertArrayEquals(new long[] {3, 3}, loaded.get("view").shape());
        assertEquals("torch.int64", saved.stream().filter(l -> l.name().equals("bn.num_batches_tracked"))
                .findFirst().orElseThrow().dtype());
        assertArrayEquals(new float[] {1f}, loaded.get("bn.num_batches_tracked").values());
        StateDictFileRoundTripTest.assertBitEqual(asState(saved), loaded);
    }

    @Tag("external")
    @Test
    void pickleProtocolsTwoToFiveAndParametersLoadTheSame() {
        List<String> out = TorchPythonAccess.run("import torch\nfrom torch import nn\n" + PRINT_STATE
                + "torch.manual_seed(5)\n"
                + "sd = {'weight': nn.Parameter(torch.randn(3, 2)), 'bias': torch.randn(3), 'step': torch.tensor(12)}\n"
                + "for p in (2, 3, 4, 5):\n"
                + "    torch.save(sd, " + py(dir) + " + '/p%d.pth' % p, pickle_protocol=p)\n"
                + "print_state(sd, 'saved|')\n");

        Map<String, TensorValues> saved = asState(parse(out, "saved|"));
        for (int protocol = 2; protocol <= 5; protocol++) {
            StateDictFileRoundTripTest.assertBitEqual(saved, Torch.load(dir.resolve("p" + protocol + ".pth")));
        }
    }

    @Tag("external")
    @Test
    void javaSequentialSavedLoadsIntoPyTorchSequentialAndBack() {
        Path file = dir.resolve("model.pth");
        Map<String, TensorValues> javaState;
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(3);
            Sequential model = new Sequential(new Linear(m, 784, 512), new ReLU(), new Linear(m, 512, 512), new ReLU(),
                    new Linear(m, 512, 10));
            javaState = model.stateDict();
            Torch.save(javaState, file);
        }

        List<String> out = TorchPythonAccess.run("import torch\nfrom torch import nn\n" + PRINT_STATE + """
                model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
                """ + "print('result|' + str(model.load_state_dict(torch.load(" + py(file) + ", weights_only=True))))\n"
                + "print_state(model.state_dict(), 'model|')\n"
                + "torch.save(model.state_dict(), " + py(dir.resolve("back.pth")) + ")\n");

        assertEquals("result|<All keys matched successfully>", out.get(0));
        StateDictFileRoundTripTest.assertBitEqual(javaState, asState(parse(out, "model|")));
        try (NDManager m = NDManager.newBaseManager()) {
            Torch.manualSeed(4);
            Sequential other = new Sequential(new Linear(m, 784, 512), new ReLU(), new Linear(m, 512, 512), new ReLU(),
                    new Linear(m, 512, 10));
            other.loadStateDict(Torch.load(dir.resolve("back.pth")));
            StateDictFileRoundTripTest.assertBitEqual(javaState, other.stateDict());
        }
    }

    @Tag("external")
    @Test
    void filesPyTorchWroteThatAreNoFloat32StateDictGiveOneClearLine() {
        Path legacy = dir.resolve("legacy.pth");
        Path scripted = dir.resolve("scripted.pt");
        Path whole = dir.resolve("whole_model.pth");
        Path doubles = dir.resolve("double.pth");
        TorchPythonAccess.run("import torch\nfrom torch import nn\n"
                + "torch.save({'w': torch.ones(2)}, " + py(legacy) + ", _use_new_zipfile_serialization=False)\n"
                + "torch.jit.save(torch.jit.script(nn.Linear(2, 1)), " + py(scripted) + ")\n"
                + "torch.save(nn.Linear(2, 1), " + py(whole) + ")\n"
                + "double = nn.Linear(2, 1).double()\n"
                + "double.weight.data.fill_(0.1)\n"
                + "torch.save(double.state_dict(), " + py(doubles) + ")\n");

        assertEquals(legacy + " is in PyTorch's legacy format (written before PyTorch 1.6, or with"
                + " _use_new_zipfile_serialization=False); load it in PyTorch and torch.save it again", failure(legacy));
        assertEquals(scripted + " is a TorchScript archive (torch.jit.save), not a torch.save file;"
                + " save the model's state_dict with torch.save instead", failure(scripted));
        assertEquals(whole + " holds a pickled Linear object (torch.nn.modules.linear.Linear, as torch.save(model)"
                + " writes), not a state_dict; save model.state_dict() with torch.save", failure(whole));
        assertEquals(doubles + ": tensor 'weight' is torch.float64 and its value 0.1 has no exact float32;"
                + " save it as float32 in PyTorch (model.float()) to load it here", failure(doubles));
    }

    private static String failure(Path file) {
        String message = assertThrows(PthFileException.class, () -> Torch.load(file)).getMessage();
        StateDictFileBadInputTest.assertOneLineInUsersWords(message);
        return message;
    }
}
