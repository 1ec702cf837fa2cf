package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The barcode search's working image: reductions and filters give the plain definitions' pixels. */
class GreyImageTest {

    @Test
    void halvingAveragesEachTwoByTwoBlockRoundingDown() {
        Random random = new Random(3);
        for (int[] size : new int[][] {{3, 3}, {5, 3}, {17, 9}, {64, 31}}) {
            GreyImage img = random(random, size[0], size[1]);
            for (int factor : new int[] {2, 3}) {
                GreyImage small = img.downscale(factor);
                assertThat(small.width).isEqualTo(size[0] / factor);
                assertThat(small.height).isEqualTo(size[1] / factor);
                for (int y = 0; y < small.height; y++) {
                    for (int x = 0; x < small.width; x++) {
                        int sum = 0;
                        for (int dy = 0; dy < factor; dy++) {
                            for (int dx = 0; dx < factor; dx++) {
                                sum += img.get(x * factor + dx, y * factor + dy);
                            }
                        }
                        assertThat(small.get(x, y)).isEqualTo(sum / (factor * factor));
                    }
                }
            }
        }
    }

    @Test
    void medianFilterTakesTheMiddleOfEachNeighbourhoodOnPaperAndOnNoise() {
        Random random = new Random(4);
        GreyImage noisy = random(random, 23, 11);
        byte[] flat = new byte[23 * 11];
        Arrays.fill(flat, (byte) 250);
        flat[5 * 23 + 7] = 0; // one speck on plain paper
        for (GreyImage img : new GreyImage[] {noisy, new GreyImage(23, 11, flat)}) {
            GreyImage filtered = img.median3();
            for (int y = 1; y < img.height - 1; y++) {
                for (int x = 1; x < img.width - 1; x++) {
                    int[] v = new int[9];
                    int k = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            v[k++] = img.get(x + dx, y + dy);
                        }
                    }
                    Arrays.sort(v);
                    assertThat(filtered.get(x, y)).isEqualTo(v[4]);
                }
            }
        }
    }

    @Test
    void aGreyPageIsReadAsItIs() {
        BufferedImage page = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(3, 2, 0, 42);
        GreyImage img = GreyImage.of(page);
        assertThat(img.get(3, 2)).isEqualTo(42);
        assertThat(img.get(0, 0)).isZero();
        GreyImage part = GreyImage.of(page.getSubimage(2, 1, 3, 3));
        assertThat(part.width).isEqualTo(3);
        assertThat(part.get(1, 1)).isEqualTo(42);
    }

    private static GreyImage random(Random random, int w, int h) {
        byte[] px = new byte[w * h];
        random.nextBytes(px);
        return new GreyImage(w, h, px);
    }
}
