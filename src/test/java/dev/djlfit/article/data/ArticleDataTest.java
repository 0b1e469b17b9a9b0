package dev.djlfit.article.data;

import dev.djlfit.extrapolation.Truth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleDataTest {

    @Test
    void lineDataIsTheArticles() {
        DataPoints line = ArticleData.LINEAR.dataset();
        assertArrayEquals(new float[] {0, 1, 2, 3}, line.x());
        assertArrayEquals(new float[] {1, 3, 5, 7}, line.y());
        assertEquals("[[0, 1], [1, 3], [2, 5], [3, 7]]", line.toArticleString());
    }

    @Test
    void quadraticDataIsTheArticlesAndFitsThreeXSquaredPlusTwoXPlusOne() {
        DataPoints quadratic = ArticleData.QUADRATIC.dataset();
        assertEquals("[[0, 1], [1, 6], [2, 17], [3, 34]]", quadratic.toArticleString());
        Truth truth = quadratic.truth().orElseThrow();
        assertEquals(24.75, truth.at(2.5), 1e-12);
        assertEquals(321, truth.at(10), 1e-12);
    }

    @Test
    void datasetKeepsItsOwnCopy() {
        float[] x = {0, 1};
        DataPoints d = new DataPoints("d", x, new float[] {1, 2}, null);
        x[0] = 99;
        assertEquals(0, d.x()[0]);
        assertEquals(0, d.minX());
        assertEquals(1, d.maxX());
    }
}
