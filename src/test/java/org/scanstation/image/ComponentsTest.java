package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Connected components found on runs are those a plain flood fill finds, in the order of their first pixel. */
class ComponentsTest {

    @Test
    void diagonalNeighboursJoinAndSeparatedPrintDoesNot() {
        boolean[] mask = mask(6, 4,
                "x....x",
                ".x..x.",
                "..xx..",
                "......");
        assertThat(Components.of(mask, 6, 4)).containsExactly(new Components.Blob(0, 0, 5, 2, 6));
        boolean[] apart = mask(5, 3,
                "xx.xx",
                ".....",
                "x.x.x");
        assertThat(Components.of(apart, 5, 3)).hasSize(5);
    }

    @Test
    void aShapeJoinedOnlyLowDownIsOneBlobNumberedFromItsFirstPixel() {
        // a U: the two arms are separate runs until the bottom row joins them; then a dot to the left, lower
        boolean[] mask = mask(7, 4,
                "..x.x..",
                "..x.x..",
                "..xxx..",
                "x......");
        assertThat(Components.of(mask, 7, 4)).containsExactly(
                new Components.Blob(2, 0, 4, 2, 7),
                new Components.Blob(0, 3, 0, 3, 1));
    }

    @Test
    void emptyAndFullMasks() {
        assertThat(Components.of(new boolean[12], 4, 3)).isEmpty();
        boolean[] full = new boolean[12];
        java.util.Arrays.fill(full, true);
        assertThat(Components.of(full, 4, 3)).containsExactly(new Components.Blob(0, 0, 3, 2, 12));
        assertThat(Components.of(new boolean[0], 0, 0)).isEmpty();
    }

    @Test
    void randomMasksOfEveryDensityGiveTheFloodFillsBlobs() {
        Random random = new Random(17);
        int blobs = 0;
        for (int round = 0; round < 300; round++) {
            int w = 1 + random.nextInt(60);
            int h = 1 + random.nextInt(60);
            double density = random.nextDouble();
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < density;
            }
            List<Components.Blob> expected = floodFill(mask, w, h);
            assertThat(Components.of(mask, w, h)).as("%dx%d at %.2f", w, h, density).isEqualTo(expected);
            blobs += expected.size();
        }
        assertThat(blobs).as("blobs compared").isGreaterThan(3000);
    }

    private static boolean[] mask(int w, int h, String... rows) {
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == 'x';
            }
        }
        return m;
    }

    /** The reference: 8-connected flood fill from each unvisited set pixel, in row order. */
    private static List<Components.Blob> floodFill(boolean[] mask, int w, int h) {
        boolean[] seen = new boolean[mask.length];
        List<Components.Blob> out = new ArrayList<>();
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i] || seen[i]) {
                continue;
            }
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            int n = 0;
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            todo.add(i);
            seen[i] = true;
            while (!todo.isEmpty()) {
                int p = todo.poll();
                int x = p % w;
                int y = p / w;
                n++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask[ny * w + nx] && !seen[ny * w + nx]) {
                            seen[ny * w + nx] = true;
                            todo.add(ny * w + nx);
                        }
                    }
                }
            }
            out.add(new Components.Blob(minX, minY, maxX, maxY, n));
        }
        return out;
    }
}
