package dev.djlfit.terminal;

import dev.djlfit.plots.Charts;
import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every PNG the project writes must be: there, decodable, the chart size, and not blank. */
public final class PngAssertions {

    private PngAssertions() {}

    /** Asserts and returns the decoded image. */
    public static BufferedImage assertChartPng(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes as an image");
        assertEquals(Charts.WIDTH, image.getWidth(), "width of " + file);
        assertEquals(Charts.HEIGHT, image.getHeight(), "height of " + file);
        return image;
    }

    /** Pixels in the family of the learned-curve blue, translucent or not. */
    public static int bluish(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int b = rgb & 0xFF;
                if (b - r > 40 && b < 240) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels of exactly this colour (alpha ignored). */
    public static int count(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
