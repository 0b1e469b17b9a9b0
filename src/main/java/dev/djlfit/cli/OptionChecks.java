package dev.djlfit.cli;

import dev.djlfit.article.data.Numbers;
import dev.djlfit.terminal.TerminalSafe;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where option values are checked: steps, learning rates, widths, thread counts,
 * seeds, lists; and how numbers are read from the command line at all (plain decimals only,
 * finite, within a 32-bit float where the option is one). Each failure is one line naming the
 * option and the value.
 */
final class OptionChecks {

    /**
     * The one list grammar: items between commas, none empty. A comma splits only where something
     * follows it, so a trailing comma stays on its item ({@code 2,}) and is refused with it, as an
     * empty item ({@code 2,,3}, {@code ,2}) is; nothing is dropped silently.
     */
    static final String LIST_SEPARATOR = ",(?=.)";

    /** More threads than this is surely a typo; each costs a stack and libtorch state. */
    static final int MAX_THREADS = 1024;

    /** Deeper than this is surely a typo: the article's deepest net has 3 layers. */
    static final int MAX_DEPTH = 1000;

    private OptionChecks() {}

    /** Numbers as people write them: {@code 0.01}, {@code 1e-3}; not {@code NaN}, {@code Infinity}, {@code 1f}, {@code 0x1p3}. */
    static void registerConverters(CommandLine cli) {
        CommandLine.ITypeConverter<Float> toFloat = OptionChecks::parseFloat;
        CommandLine.ITypeConverter<Double> toDouble = OptionChecks::parseDouble;
        cli.registerConverter(Float.class, toFloat);
        cli.registerConverter(float.class, toFloat);
        cli.registerConverter(Double.class, toDouble);
        cli.registerConverter(double.class, toDouble);
        cli.registerConverter(Path.class, OptionChecks::parsePath);
        CommandLine.ITypeConverter<Integer> toInt = OptionChecks::parseInt;
        CommandLine.ITypeConverter<Long> toLong = OptionChecks::parseLong;
        cli.registerConverter(Integer.class, toInt);
        cli.registerConverter(int.class, toInt);
        cli.registerConverter(Long.class, toLong);
        cli.registerConverter(long.class, toLong);
    }

    /**
     * A path as given, a trailing slash kept (as {@code dir/.}); one the system cannot name (a NUL
     * character) or an empty one is refused.
     */
    static Path parsePath(String text) {
        if (text.isEmpty()) {
            throw new TypeConversionException("the path is empty");
        }
        try {
            // Path.of drops a trailing slash; "/." keeps what it says: the name is a folder's
            return Path.of(text.length() > 1 && text.endsWith("/") ? text + "." : text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + abbreviate(text) + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    /** A whole number in the digits 0-9 (Java would also take ١٢ or １２), within an int. */
    static int parseInt(String text) {
        long value = parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new TypeConversionException(text.strip() + " is out of range (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    static long parseLong(String text) {
        String t = text.strip();
        if (!Numbers.wholeNumber(t)) {
            throw new TypeConversionException("'" + abbreviate(t) + "' is not a whole number (write it with the digits"
                    + " 0-9, e.g. 10)");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(t + " is out of range (at most " + Long.MAX_VALUE + ")");
        }
    }

    static double parseDouble(String text) {
        String t = text.strip();
        if (!Numbers.decimal(t)) {
            throw new TypeConversionException("'" + abbreviate(t) + "' is not a number (write it as 0.01 or 1e-3)");
        }
        double value = Double.parseDouble(t);
        if (!Double.isFinite(value)) {
            throw new TypeConversionException(t + " is out of the range of a number (at most about 1.8e308)");
        }
        return value;
    }

    static float parseFloat(String text) {
        double value = parseDouble(text);
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new TypeConversionException(text.strip() + " is out of the range of a 32-bit float (at most about 3.4e38)");
        }
        if (f == 0 && value != 0) {
            throw new TypeConversionException(text.strip() + " is too small for a 32-bit float (at least about 1.4e-45)");
        }
        return f;
    }

    private static String abbreviate(String text) {
        String shown = TerminalSafe.text(text);
        return shown.length() > 60 ? shown.substring(0, 40) + "..." + shown.substring(shown.length() - 17) : shown;
    }

    static int positive(String option, int value) {
        if (value <= 0) {
            throw new UserInputException(option + " must be a positive whole number, got " + value);
        }
        return value;
    }

    /** Timed runs of a benchmark: each is kept for the median, and more than this is surely a typo. */
    static final int MAX_REPEATS = 10_000;

    static int repeats(String option, int value) {
        positive(option, value);
        if (value > MAX_REPEATS) {
            throw new UserInputException(option + " must be at most " + MAX_REPEATS + " (timed runs), got " + value);
        }
        return value;
    }

    static int notNegative(String option, int value) {
        if (value < 0) {
            throw new UserInputException(option + " must not be negative, got " + value);
        }
        return value;
    }

    static int steps(String option, int value) {
        return positive(option, value);
    }

    static float learningRate(String option, float value) {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw new UserInputException(option + " must be a positive number, got " + value);
        }
        return value;
    }

    static double positiveNumber(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new UserInputException(option + " must be a positive number, got " + value);
        }
        return value;
    }

    /** A hidden width; whether a net that wide fits in memory is {@link Footprint}'s question. */
    static int width(String option, int value) {
        return positive(option, value);
    }

    /** Linear layers of a net: 2 is the article's tanh net, 3 its deep net. */
    static int depth(String option, int value) {
        if (value < 2 || value > MAX_DEPTH) {
            throw new UserInputException(option + " must list whole numbers from 2 to " + MAX_DEPTH + " (layers), got " + value);
        }
        return value;
    }

    static int threads(String option, int value) {
        positive(option, value);
        if (value > MAX_THREADS) {
            throw new UserInputException(option + " must be at most " + MAX_THREADS + ", got " + value);
        }
        return value;
    }

    /** {@code count} seeds from {@code first} on, none past the largest seed (no wrapping round to negative). */
    static void seeds(String firstOption, int first, String countOption, int count) {
        positive(countOption, count);
        long last = (long) first + count - 1;
        if (last > Integer.MAX_VALUE) {
            throw new UserInputException(firstOption + " " + first + " with " + countOption + " " + count
                    + " goes up to seed " + last + ", past the largest seed " + Integer.MAX_VALUE);
        }
    }

    /** A list option given a value twice would train and plot the same thing twice: refused. */
    static <T> void distinct(String option, List<T> values) {
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new UserInputException(option + " lists " + v.toString().toLowerCase(java.util.Locale.ROOT)
                        + " twice; give each value once");
            }
        }
    }
}
