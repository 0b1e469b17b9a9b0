package dev.djlfit.article.saving;

import dev.djlfit.article.Architecture;
import dev.djlfit.article.Nonlinearity;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import dev.djlfit.torch.TensorValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The net as DJL's own parameter file ({@code net-0000.params}, written by {@code Model.save}):
 * the same net as a DJL {@link SequentialBlock} of {@link Linear} layers and activation blocks, so
 * plain DJL code can load it too:
 *
 * <pre>
 * Model model = Model.newInstance("net");
 * model.setBlock(DjlParameterFile.block(architecture));
 * model.load(dir, "net");
 * </pre>
 */
public final class DjlParameterFile {

    public static final String PREFIX = "net";
    public static final String FILE_NAME = PREFIX + "-0000.params";

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("net-(\\d{4})\\.params");

    private DjlParameterFile() {}

    /** The architecture as DJL blocks: Linear, activation, Linear, ... */
    public static SequentialBlock block(Architecture architecture) {
        SequentialBlock block = new SequentialBlock();
        int last = architecture.layerCount() - 1;
        for (int layer = 0; layer <= last; layer++) {
            block.add(Linear.builder().setUnits(architecture.outFeatures(layer)).build());
            if (layer < last && architecture.activationOrNull() != null) {
                block.add(activationBlock(architecture.activationOrNull()));
            }
        }
        return block;
    }

    private static Block activationBlock(Nonlinearity activation) {
        return switch (activation) {
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
            case RELU -> ai.djl.nn.Activation.reluBlock();
        };
    }

    /** DJL's names of the parameters, in PyTorch's order: {@code 01Linear_weight, 01Linear_bias, ...}. */
    public static List<String> djlNames(Architecture architecture) {
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : block(architecture).getParameters()) {
            names.add(p.getKey());
        }
        return names;
    }

    /** Whether {@code name} is a parameter file's name: {@code net-NNNN.params}, DJL's prefix and epoch. */
    public static boolean isFileName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The parameter file name of an epoch: {@code net-0003.params} for 3. */
    public static String fileName(int epoch) {
        if (epoch < 0 || epoch > 9999) {
            throw new IllegalArgumentException("a parameter file's epoch is 0 to 9999, not " + epoch);
        }
        return String.format(java.util.Locale.ROOT, "%s-%04d.params", PREFIX, epoch);
    }

    private static String epoch(String fileName) {
        java.util.regex.Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a parameter file name: " + fileName);
        }
        return Integer.toString(Integer.parseInt(m.group(1)));
    }

    /**
     * Writes {@code parameters} into {@code dir}/{@code fileName} ({@code net-NNNN.params}: the
     * epoch DJL's {@code Model.save} puts in the name).
     */
    public static Path write(Path dir, String fileName, Architecture architecture, Map<String, TensorValues> parameters)
            throws IOException {
        try (Model model = Model.newInstance(PREFIX, Device.cpu())) {
            SequentialBlock block = block(architecture);
            model.setBlock(block);
            // Zeros, then the values added in place: NDArray.set() makes libtorch print a deprecation warning.
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            block.freezeParameters(true);
            NDManager manager = model.getNDManager();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, architecture.inFeatures(0)));
            List<String> names = architecture.parameterNames();
            List<Parameter> slots = parameters(block);
            for (int i = 0; i < names.size(); i++) {
                TensorValues values = parameters.get(names.get(i));
                NDArray slot = slots.get(i).getArray();
                if (values == null || !new Shape(values.shape()).equals(slot.getShape())) {
                    throw new IllegalArgumentException("parameter " + names.get(i) + " does not fit " + architecture);
                }
                try (NDArray value = manager.create(values.values(), slot.getShape())) {
                    slot.addi(value);
                }
            }
            model.setProperty("Epoch", epoch(fileName));
            model.save(dir, PREFIX);
        }
        return dir.resolve(fileName);
    }

    /**
     * Reads {@code dir}/{@code fileName} into a block of the given architecture.
     *
     * @return the values under PyTorch's names, with the shapes the file holds
     * @throws MalformedModelException where the file is not a DJL parameter file of such a block
     */
    public static Map<String, TensorValues> read(Path dir, String fileName, Architecture architecture)
            throws IOException, MalformedModelException {
        try (Model model = Model.newInstance(PREFIX, Device.cpu())) {
            SequentialBlock block = block(architecture);
            model.setBlock(block);
            model.load(dir, PREFIX, Map.of("epoch", epoch(fileName)));
            List<String> names = architecture.parameterNames();
            List<Parameter> slots = parameters(block);
            Map<String, TensorValues> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Parameter slot = slots.get(i);
                if (!slot.isInitialized()) {
                    throw new MalformedModelException("not a DJL parameter file (no value for " + names.get(i) + ")");
                }
                NDArray array = slot.getArray();
                if (array.getDataType() != DataType.FLOAT32) {
                    throw new MalformedModelException(names.get(i) + " is " + array.getDataType() + ", not float32");
                }
                values.put(names.get(i), TensorValues.of(array));
            }
            return values;
        }
    }

    private static List<Parameter> parameters(Block block) {
        List<Parameter> list = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            list.add(p.getValue());
        }
        return list;
    }
}
