package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scanstation.model.PageId;

class PageCleanerTest {

    private final PageCleaner cleaner = new PageCleaner(null);

    private static ScannedPage scanned(BufferedImage img) {
        return new ScannedPage(PageId.single(Path.of("scan.png")), img, 300, false);
    }

    @ParameterizedTest
    @CsvSource({"0, 2.7", "90, -4.3", "180, 1.2", "270, 3.5"})
    void aTurnedTiltedPageGetsTransformsThatMakeItUprightAndStraight(int turned, double tilt) {
        BufferedImage upright = TestPages.letter(16, turned);
        BufferedImage raw = ImageOps.rotateQuadrant(ImageOps.rotateSmall(upright, tilt), turned);

        PageCleaner.Cleanup plan = cleaner.plan(scanned(raw));

        assertThat(plan.blank().blank()).isFalse();
        assertThat(plan.orientation().clockwiseDegrees()).isEqualTo((360 - turned) % 360);
        assertThat(plan.skewDegrees()).isCloseTo(tilt, within(0.2));
        BufferedImage rendered = ImageOps.render(raw, plan.transforms());
        assertThat(new SkewDetector().detectDegrees(rendered)).isCloseTo(0.0, within(0.2));
        assertThat(new OrientationDetector().detectClockwiseRotation(rendered)).isZero();
        assertThat(rendered.getHeight()).isGreaterThan(rendered.getWidth());
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void blankPagesNeedNoTransforms(boolean withDust) {
        BufferedImage page = TestPages.paper();
        if (withDust) {
            TestPages.dust(page, 3, 40);
        }
        PageCleaner.Cleanup plan = cleaner.plan(scanned(page));
        assertThat(plan.blank().blank()).isTrue();
        assertThat(plan.transforms()).isEmpty();
    }
}
