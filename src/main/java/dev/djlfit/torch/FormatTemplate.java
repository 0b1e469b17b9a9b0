package dev.djlfit.torch;

/**
 * Python's {@code template.format(*args)}: literal text with {@code {{} and {@code }}} escapes,
 * and replacement fields {@code {}} (numbered automatically) or {@code {0}} (by position), each
 * with an optional conversion {@code !s}/{@code !r}/{@code !a} and a format spec after {@code :},
 * which may itself hold fields ({@code {:>{}}}), one level deep. Named fields, attributes and
 * indexes are not supported: Java has no keyword arguments.
 */
final class FormatTemplate {

    private final Object[] args;
    private int nextAuto;
    private boolean autoUsed;
    private boolean manualUsed;

    private FormatTemplate(Object[] args) {
        this.args = args;
    }

    static String format(String template, Object[] args) {
        return new FormatTemplate(args == null ? new Object[] {null} : args).render(template, 2);
    }

    private String render(String template, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("Single '{' encountered in format string");
            }
            int end = matchingBrace(template, i);
            out.append(field(template.substring(i + 1, end), depth));
            i = end + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String template, int open) {
        int level = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("expected '}' before end of string");
    }

    /** One field's text, between its braces: {@code name[!conversion][:spec]}. */
    private String field(String text, int depth) {
        int colon = text.indexOf(':');
        int bang = text.indexOf('!');
        int nameEnd = colon < 0 ? text.length() : colon;
        if (bang >= 0 && bang < nameEnd) {
            nameEnd = bang;
        }
        Object value = argument(text.substring(0, nameEnd));
        char conversion = 0;
        int specStart = nameEnd;
        if (nameEnd == bang) {
            if (bang + 1 >= text.length()) {
                throw new IllegalArgumentException("end of string while looking for conversion specifier");
            }
            conversion = text.charAt(bang + 1);
            specStart = bang + 2;
            if (specStart < text.length() && text.charAt(specStart) != ':') {
                throw new IllegalArgumentException("expected ':' after conversion specifier");
            }
        }
        String spec = specStart < text.length() ? render(text.substring(specStart + 1), depth - 1) : "";
        if (conversion != 0) {
            value = convert(value, conversion);
        }
        return FormatValue.format(value, spec);
    }

    private Object argument(String name) {
        int index;
        if (name.isEmpty()) {
            if (manualUsed) {
                throw new IllegalArgumentException("cannot switch from manual field specification to automatic field numbering");
            }
            autoUsed = true;
            index = nextAuto++;
        } else if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            if (autoUsed) {
                throw new IllegalArgumentException("cannot switch from automatic field numbering to manual field specification");
            }
            manualUsed = true;
            index = Integer.parseInt(name);
        } else {
            throw new IllegalArgumentException("PyFormat.format takes positional fields only ({} or {0}), not {" + name + "}");
        }
        if (index >= args.length) {
            throw new IllegalArgumentException("Replacement index " + index + " out of range for positional args tuple");
        }
        return args[index];
    }

    private static Object convert(Object value, char conversion) {
        return switch (conversion) {
            case 's' -> PyFormat.str(value);
            case 'r' -> reprOf(value, false);
            case 'a' -> reprOf(value, true);
            default -> throw new IllegalArgumentException("Unknown conversion specifier " + conversion);
        };
    }

    private static String reprOf(Object value, boolean ascii) {
        if (!(value instanceof CharSequence || value instanceof Character)) {
            return PyFormat.str(value);
        }
        String s = value.toString();
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f || (ascii && cp > 0x7f)) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp) : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(quote).toString();
    }
}
