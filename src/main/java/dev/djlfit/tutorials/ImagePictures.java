package dev.djlfit.tutorials;

import dev.djlfit.io.CannotWriteException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What {@code plt.imshow(img, cmap="gray")} shows, as PNG files: one grayscale image, or a grid of
 * them each under its title ({@code figure.add_subplot}, {@code plt.title}, {@code plt.axis("off")}).
 * Pixels are scaled from the image's own minimum (black) to its maximum (white), as matplotlib
 * scales them, and enlarged without smoothing.
 */
final class ImagePictures {

    private static final int SCALE = 8;
    private static final int TITLE_HEIGHT = 28;
    private static final int MARGIN = 12;

    private ImagePictures() {}

    /** One image of {@code height × width} values (row-major). */
    static BufferedImage image(float[] pixels, int height, int width) {
        BufferedImage picture = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            draw(g, pixels, height, width, 0, 0);
        } finally {
            g.dispose();
        }
        return picture;
    }

    /** {@code rows × cols} images, filled row by row, each with its title above it. */
    static BufferedImage grid(List<float[]> images, List<String> titles, int rows, int cols, int height, int width) {
        if (images.size() != titles.size() || images.size() > rows * cols) {
            throw new IllegalArgumentException(images.size() + " images and " + titles.size() + " titles for a "
                    + rows + "×" + cols + " grid");
        }
        int cellWidth = width * SCALE + 2 * MARGIN;
        int cellHeight = height * SCALE + TITLE_HEIGHT + MARGIN;
        BufferedImage picture = new BufferedImage(cols * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < images.size(); i++) {
                int left = (i % cols) * cellWidth + MARGIN;
                int top = (i / cols) * cellHeight;
                g.setColor(Color.BLACK);
                String title = titles.get(i);
                g.drawString(title, left + (width * SCALE - metrics.stringWidth(title)) / 2, top + TITLE_HEIGHT - 8);
                draw(g, images.get(i), height, width, left, top + TITLE_HEIGHT);
            }
        } finally {
            g.dispose();
        }
        return picture;
    }

    private static void draw(Graphics2D g, float[] pixels, int height, int width, int left, int top) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(pixels.length + " values for a " + height + "×" + width + " image");
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : pixels) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int level = Math.round(255 * (pixels[r * width + c] - min) / range);
                g.setColor(new Color(level, level, level));
                g.fillRect(left + c * SCALE, top + r * SCALE, SCALE, SCALE);
            }
        }
    }

    /**
     * Writes {@code picture} to {@code file} whole: into a temporary file beside it, then moved over
     * it, so a file of that name is replaced only by a complete picture.
     */
    static void write(BufferedImage picture, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            if (!ImageIO.write(picture, "png", temporary.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new CannotWriteException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write failed already; that is what is reported
                }
            }
        }
    }

    /** The gray levels 0..255 of a grayscale image file, row-major, and its size: {@code torchvision.io.read_image}. */
    static int[] grayLevels(BufferedImage picture) {
        int[] levels = new int[picture.getWidth() * picture.getHeight()];
        picture.getRaster().getSamples(0, 0, picture.getWidth(), picture.getHeight(), 0, levels);
        return levels;
    }
}
