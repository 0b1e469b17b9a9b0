package dev.djlfit.article;

import dev.djlfit.article.data.DataPoints;

/**
 * One experiment: a net, the data it is fitted to, and a title for the report.
 *
 * @param name {@code <model>-<data>}, e.g. {@code tanh-quadratic}; also used for file names
 * @param title what the report calls it
 * @param architecture the net
 * @param data the training points
 * @param note a remark printed with the experiment, or empty
 */
public record ExperimentSpec(
        String name, String title, Architecture architecture, DataPoints data, String note) {}
