package dev.djlfit.sweep;

import dev.djlfit.article.Nonlinearity;
import dev.djlfit.article.Architecture;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One point of the sweep's grid: a net of {@code depth} linear layers, {@code hidden} wide, with
 * {@code activation} between them. Depth 2 is the article's tanh net (1→H→act→1), depth 3 its deep
 * net (1→H→act→H→act→1).
 */
public record SweepConfiguration(Nonlinearity activation, int hidden, int depth) {

    public SweepConfiguration {
        if (hidden <= 0) {
            throw new IllegalArgumentException("hidden width must be positive, got " + hidden);
        }
        if (depth < 2) {
            throw new IllegalArgumentException("depth (linear layers) must be at least 2, got " + depth);
        }
    }

    public Architecture architecture() {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, hidden);
        widths[0] = 1;
        widths[depth] = 1;
        return new Architecture(widths, activation);
    }

    private static final Pattern NAME = Pattern.compile("([a-z]+)-h(\\d+)-d(\\d+)");

    /**
     * The configuration a {@link #name()} names, e.g. {@code tanh-h10-d2}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static SweepConfiguration parse(String name) {
        Matcher m = NAME.matcher(name.strip());
        if (m.matches()) {
            for (Nonlinearity a : Nonlinearity.values()) {
                if (a.id().equals(m.group(1))) {
                    try {
                        return new SweepConfiguration(a, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    } catch (IllegalArgumentException e) {
                        break; // a width of 0, one layer, or a number too large: the message below says all
                    }
                }
            }
        }
        throw new IllegalArgumentException("expected <activation>-h<hidden>-d<layers> with activation tanh,"
                + " sigmoid or relu, hidden at least 1 and layers at least 2 (e.g. tanh-h10-d2), got '" + name + "'");
    }

    /** e.g. {@code tanh-h10-d2}; also used in file names. */
    public String name() {
        return activation.id() + "-h" + hidden + "-d" + depth;
    }
}
