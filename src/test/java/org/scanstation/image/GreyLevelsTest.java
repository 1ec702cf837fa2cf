package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grey levels counted four at a time are the plain counts, over whole pages and over stretches of them. */
class GreyLevelsTest {

    @Test
    void countsAreThePlainCountsForAnyLengthAndStretch() {
        Random random = new Random(9);
        for (int length : new int[] {0, 1, 3, 4, 5, 1023, 4096}) {
            byte[] px = new byte[length];
            for (int i = 0; i < length; i++) {
                // mostly paper, as a page is: long runs of one level
                px[i] = (byte) (random.nextInt(10) < 8 ? 251 : random.nextInt(256));
            }
            assertThat(GreyLevels.of(px)).as("length %d", length).isEqualTo(plain(px, 0, length));
            if (length > 4) {
                int from = 1 + random.nextInt(length / 2);
                int to = from + random.nextInt(length - from);
                int[] four = new int[1024];
                GreyLevels.addFour(px, from, to, four);
                GreyLevels.addFour(px, from, to, four);
                int[] counts = new int[256];
                GreyLevels.fold(four, counts);
                int[] twice = plain(px, from, to);
                for (int v = 0; v < 256; v++) {
                    twice[v] *= 2;
                }
                assertThat(counts).as("stretch %d..%d counted twice", from, to).isEqualTo(twice);
            }
        }
    }

    private static int[] plain(byte[] px, int from, int to) {
        int[] h = new int[256];
        for (int i = from; i < to; i++) {
            h[px[i] & 0xff]++;
        }
        return h;
    }
}
