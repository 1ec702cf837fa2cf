package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

/**
 * What the sample source scans for every sheet: the TWAIN logo on a US letter page (8.5 x 11 in),
 * with the word "TWAIN" in black a little below the middle and purple-blue arrows above it.
 */
final class LogoPage {

    private LogoPage() {
    }

    /** Asserts {@code img} is the logo page at {@code dpi}, the right way up, with ink where the logo has it. */
    static void assertIsTheLogo(BufferedImage img, int dpi) {
        assertThat(img.getWidth()).as("width at %d dpi", dpi).isEqualTo((int) Math.round(8.5 * dpi));
        assertThat(img.getHeight()).as("height at %d dpi", dpi).isEqualTo(11 * dpi);
        // the word TWAIN: x 28-66 %, y 58-64 % of the page; the margin left of the logo is paper
        assertThat(darkFraction(img, 0.28, 0.58, 0.66, 0.64)).as("ink in the word TWAIN").isGreaterThan(0.2);
        assertThat(darkFraction(img, 0.05, 0.30, 0.20, 0.50)).as("paper beside the logo").isLessThan(0.01);
        // upside down, the word would be near the top
        assertThat(darkFraction(img, 0.28, 0.36, 0.66, 0.42)).as("no word where it would be upside down").isLessThan(0.2);
    }

    static void assertColourful(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean blue = false;
        for (int y = (int) (h * 0.32); y < h * 0.50 && !blue; y += 2) {
            for (int x = (int) (w * 0.35); x < w * 0.60; x += 2) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (b - g > 60 && b - r > 20) {
                    blue = true;
                    break;
                }
            }
        }
        assertThat(blue).as("the arrows are blue/purple (red and blue not swapped)").isTrue();
    }

    static double darkFraction(BufferedImage img, double x0, double y0, double x1, double y1) {
        int w = img.getWidth();
        int h = img.getHeight();
        long dark = 0;
        long all = 0;
        for (int y = (int) (h * y0); y < h * y1; y++) {
            for (int x = (int) (w * x0); x < w * x1; x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xFF) * 3 + (rgb >> 8 & 0xFF) * 6 + (rgb & 0xFF)) / 10;
                if (lum < 100) {
                    dark++;
                }
                all++;
            }
        }
        return dark / (double) all;
    }
}
