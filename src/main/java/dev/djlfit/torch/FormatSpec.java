package dev.djlfit.torch;

/**
 * A parsed format spec of Python's mini-language,
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}, as CPython 3.11 reads
 * it: a {@code 0} before the width sets the fill to {@code 0} unless a fill was given, and for
 * numbers (default alignment right) also the alignment {@code =} unless one was given.
 *
 * @param fill the fill character (a code point)
 * @param align {@code < > ^ =}, or {@code 0} for the value's default
 * @param sign {@code + - ' '}, or {@code 0} for none
 * @param noNegativeZero the {@code z} option
 * @param alternate the {@code #} option
 * @param width the minimum width, or -1
 * @param grouping {@code ,} or {@code _}, or {@code 0} for none
 * @param precision the precision, or -1
 * @param type the presentation type, or {@code 0} for none
 */
record FormatSpec(int fill, char align, char sign, boolean noNegativeZero, boolean alternate, int width,
        char grouping, int precision, char type) {

    /**
     * Parses {@code spec} for a value of Python type {@code typeName} whose presentation type
     * without one is {@code defaultType} ({@code 0} for a float) and whose alignment without one
     * is {@code defaultAlign}.
     */
    static FormatSpec parse(String spec, String typeName, char defaultType, char defaultAlign) {
        int[] cps = spec.codePoints().toArray();
        int pos = 0;
        int fill = ' ';
        boolean fillGiven = false;
        char align = 0;
        if (cps.length >= 2 && isAlign(cps[1])) {
            fill = cps[0];
            fillGiven = true;
            align = (char) cps[1];
            pos = 2;
        } else if (cps.length >= 1 && isAlign(cps[0])) {
            align = (char) cps[0];
            pos = 1;
        }
        char sign = 0;
        if (pos < cps.length && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
            sign = (char) cps[pos++];
        }
        boolean noNegativeZero = pos < cps.length && cps[pos] == 'z';
        if (noNegativeZero) {
            pos++;
        }
        boolean alternate = pos < cps.length && cps[pos] == '#';
        if (alternate) {
            pos++;
        }
        if (pos < cps.length && cps[pos] == '0' && !fillGiven) {
            fill = '0';
            if (align == 0 && defaultAlign == '>') {
                align = '=';
            }
            pos++;
        }
        int start = pos;
        while (pos < cps.length && cps[pos] >= '0' && cps[pos] <= '9') {
            pos++;
        }
        int width = pos > start ? number(cps, start, pos) : -1;
        char grouping = 0;
        while (pos < cps.length && (cps[pos] == ',' || cps[pos] == '_')) {
            if (grouping != 0) {
                throw new IllegalArgumentException("Cannot specify both ',' and '_'.");
            }
            grouping = (char) cps[pos++];
        }
        int precision = -1;
        if (pos < cps.length && cps[pos] == '.') {
            start = ++pos;
            while (pos < cps.length && cps[pos] >= '0' && cps[pos] <= '9') {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("Format specifier missing precision");
            }
            precision = number(cps, start, pos);
        }
        if (cps.length - pos > 1) {
            throw new IllegalArgumentException(
                    "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }
        char type = pos < cps.length ? (char) cps[pos] : 0;
        if (pos < cps.length && cps[pos] > Character.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Unknown format code '" + new String(cps, pos, 1) + "' for object of type '" + typeName + "'");
        }
        if (grouping != 0) {
            checkGrouping(grouping, type == 0 ? defaultType : type);
        }
        return new FormatSpec(fill, align, sign, noNegativeZero, alternate, width, grouping, precision, type);
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    private static int number(int[] cps, int from, int to) {
        try {
            return Integer.parseInt(new String(cps, from, to - from));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Too many decimal digits in format string");
        }
    }

    private static void checkGrouping(char grouping, char type) {
        switch (type) {
            case 0, 'd', 'e', 'E', 'f', 'F', 'g', 'G', '%' -> { }
            case 'b', 'o', 'x', 'X' -> {
                if (grouping != '_') {
                    throw new IllegalArgumentException("Cannot specify ',' with '" + type + "'.");
                }
            }
            default -> throw new IllegalArgumentException("Cannot specify '" + grouping + "' with '" + type + "'.");
        }
    }

    /** The alignment to use for a value whose default is {@code defaultAlign}. */
    char alignOr(char defaultAlign) {
        return align == 0 ? defaultAlign : align;
    }

    /** {@code text} padded with the fill to the width, aligned as {@code align} says ({@code =} is placed by the caller). */
    String pad(String text, char align) {
        int length = text.codePointCount(0, text.length());
        int padding = Math.max(0, width - length);
        if (padding == 0) {
            return text;
        }
        int left = switch (align) {
            case '>' -> padding;
            case '^' -> padding / 2;
            default -> 0;
        };
        return fill(left) + text + fill(padding - left);
    }

    /** {@code count} fill characters. */
    String fill(int count) {
        return count <= 0 ? "" : Character.toString(fill).repeat(count);
    }
}
