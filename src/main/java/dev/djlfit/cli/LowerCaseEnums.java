package dev.djlfit.cli;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum options read and listed as users type them: {@code --model tanh}, "expected one of linear, tanh, deep". */
final class LowerCaseEnums {

    private LowerCaseEnums() {}

    @SafeVarargs
    static void register(CommandLine cli, Class<? extends Enum<?>>... types) {
        for (Class<? extends Enum<?>> type : types) {
            registerOne(cli, type);
        }
    }

    private static <E extends Enum<?>> void registerOne(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.strip())) {
                    return constant;
                }
            }
            String choices = Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new TypeConversionException("expected one of " + choices + " but was '" + text + "'");
        });
    }
}
