package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkewDetectorTest {

    private final SkewDetector detector = new SkewDetector();

    @ParameterizedTest
    @ValueSource(doubles = {-4.3, -0.6, 0.0, 2.7, 8.5})
    void measuresTheTiltOfATextPage(double degrees) {
        BufferedImage page = ImageOps.rotateSmall(TestPages.letter(20, 7), degrees);
        assertThat(detector.detectDegrees(page)).isCloseTo(degrees, within(0.2));
    }

    @Test
    void straighteningWithTheOppositeDeskewLeavesNoTilt() {
        BufferedImage page = ImageOps.rotateSmall(TestPages.letter(20, 3), 3.4);
        double measured = detector.detectDegrees(page);
        BufferedImage straight = ImageOps.render(page, java.util.List.of(new Transform.Deskew(-measured)));
        assertThat(detector.detectDegrees(straight)).isCloseTo(0.0, within(0.15));
    }

    @Test
    void measuresALabelOnlyPage() {
        BufferedImage page = ImageOps.rotateSmall(TestPages.labelOnly(), -3.1);
        assertThat(detector.detectDegrees(page)).isCloseTo(-3.1, within(0.25));
    }

    @Test
    void measuresANoisyPage() {
        BufferedImage page = TestPages.noisy(ImageOps.rotateSmall(TestPages.letter(15, 11), 1.9), 5, 0.01, 12);
        assertThat(detector.detectDegrees(page)).isCloseTo(1.9, within(0.25));
    }

    @Test
    void blankPageHasNoTilt() {
        BufferedImage page = TestPages.paper();
        TestPages.dust(page, 1, 30);
        assertThat(detector.detectDegrees(page)).isZero();
    }

    @Test
    void theProfileCountedARunAtATimeIsThePixelCountToTheLastBit() {
        BufferedImage[] pages = {
            ImageOps.rotateSmall(TestPages.letter(20, 7), 2.3),
            TestPages.noisy(ImageOps.rotateSmall(TestPages.letter(15, 11), -1.9), 5, 0.01, 12),
            ImageOps.rotateQuadrant(TestPages.letter(12, 4), 90)
        };
        int compared = 0;
        for (BufferedImage page : pages) {
            InkMap map = InkMap.of(page);
            for (boolean transposed : new boolean[] {false, true}) {
                int[][] pts = map.points(transposed);
                SkewDetector.Runs runs = SkewDetector.Runs.of(map, transposed);
                int len = transposed ? map.width : map.height;
                int span = transposed ? map.height : map.width;
                for (double a = -SkewDetector.MAX_DEGREES; a <= SkewDetector.MAX_DEGREES; a += 0.35) {
                    assertThat(SkewDetector.sharpness(runs, len, span, a)).as("%s degrees", a)
                            .isEqualTo(SkewDetector.sharpness(pts, len, span, a));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
    }
}
