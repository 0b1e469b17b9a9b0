package dev.djlfit.article.data;

import dev.djlfit.extrapolation.Truth;
import dev.djlfit.terminal.TerminalSafe;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;

/**
 * A function of x written as text, e.g. {@code 3*x^2 + 2*x + 1}, read by exp4j: the operators
 * {@code + - * / ^ %}, implicit multiplication ({@code 3x}), the constants {@code pi} and
 * {@code e}, and functions such as {@code sin cos tan exp log (natural; also ln) log10 sqrt abs}.
 * The variable is x (or X).
 */
public final class Formula {

    /** {@code ln(x)}, as many write the natural logarithm (exp4j calls it {@code log}). */
    private static final Function LN = new Function("ln", 1) {
        @Override
        public double apply(double... args) {
            return Math.log(args[0]);
        }
    };

    private final String text;
    private final String option;
    private final Expression expression;

    private Formula(String text, String option, Expression expression) {
        this.text = text;
        this.option = option;
        this.expression = expression;
    }

    /**
     * @param option the option it came from, for messages, e.g. {@code --function}
     */
    public static Formula parse(String option, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidDataException(option + " is empty; give a formula in x such as 3*x^2 + 2*x + 1");
        }
        for (int i = 0; i < t.length(); i++) {
            if (TerminalSafe.unsafe(t.charAt(i)) && t.charAt(i) != '\t') {
                throw new InvalidDataException(option + " '" + TerminalSafe.text(t) + "' holds the control character "
                        + TerminalSafe.text(String.valueOf(t.charAt(i))) + " at position " + (i + 1)
                        + "; a formula is written in visible characters");
            }
        }
        Expression expression;
        try {
            expression = new ExpressionBuilder(unarySignsCollapsed(t)).variables("x", "X").function(LN).build();
        } catch (IllegalArgumentException | java.util.EmptyStackException e) {
            throw notParsed(option, t, e);
        }
        ValidationResult valid = expression.validate(false);
        if (!valid.isValid()) {
            throw new InvalidDataException(option + " '" + t + "' does not parse: " + String.join("; ", valid.getErrors()));
        }
        Formula formula = new Formula(t, option, expression);
        formula.at(0.5); // exp4j finds some syntax errors (a dangling operator) only when it evaluates
        return formula;
    }

    /**
     * The formula with each run of unary signs written as one sign or none ({@code --x} as
     * {@code x}, {@code -+-x} as {@code x}): the same value, in one pass. exp4j's tokenizer takes
     * time that grows with the square (and worse) of such a run's length, and only of such a run
     * (measured: 16,000 signs took 39 s; as long a chain of binary operators, parentheses or
     * function calls takes milliseconds), so every formula is read in time linear in its length.
     */
    static String unarySignsCollapsed(String t) {
        StringBuilder out = new StringBuilder(t.length());
        boolean unaryPlace = true; // at the start, after "(", "," or an operator
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if ((c == '-' || c == '+') && unaryPlace) {
                boolean negative = false;
                for (; i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+' || t.charAt(i) == ' '
                        || t.charAt(i) == '\t'); i++) {
                    negative ^= t.charAt(i) == '-';
                }
                out.append(negative ? "-" : "");
                continue;
            }
            out.append(c);
            if (c != ' ' && c != '\t') {
                unaryPlace = "(,+-*/^%".indexOf(c) >= 0;
            }
            i++;
        }
        return out.toString();
    }

    private static InvalidDataException notParsed(String option, String t, RuntimeException e) {
        // exp4j's stack runs empty on input such as "}," or "+": no message of its own
        String why = e.getMessage() == null ? "it is not a formula in x (e.g. 3*x^2 + 2*x + 1)" : e.getMessage();
        return new InvalidDataException(option + " '" + t + "' does not parse: " + why, e);
    }

    public String text() {
        return text;
    }

    /** The formula's value at x: NaN where it is undefined (e.g. division by zero). */
    public synchronized double at(double x) {
        try {
            return expression.setVariable("x", x).setVariable("X", x).evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        } catch (IllegalArgumentException | java.util.EmptyStackException e) {
            throw notParsed(option, text, e);
        }
    }

    /** The value at x as a float; refused where it is undefined or too large. */
    public float finiteAt(float x) {
        double y = at(x);
        if (!Double.isFinite(y) || !Float.isFinite((float) y)) {
            String value = Double.isNaN(y) ? "undefined" : Double.isInfinite(y) ? "infinite"
                    : "too large for 32-bit floats (" + y + ")";
            throw new InvalidDataException(option + " '" + text + "' is " + value + " at x = " + Numbers.show(x));
        }
        return (float) y;
    }

    /** Checks the formula is defined at every x given. */
    public void requireDefined(float[] xs) {
        for (float x : xs) {
            finiteAt(x);
        }
    }

    public Truth truth() {
        return new Truth(text, this::at);
    }
}
