package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scanstation.ocr.TesseractOcrEngine;

class OrientationDetectorTest {

    private static TesseractOcrEngine ocr;
    private static OrientationDetector withOcr;
    private final OrientationDetector geometryOnly = new OrientationDetector();

    @BeforeAll
    static void engine() throws Exception {
        ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK);
        withOcr = new OrientationDetector(ocr);
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    /** The page as it would come out of the scanner if fed turned {@code turned} degrees clockwise. */
    private static BufferedImage fedTurned(BufferedImage upright, int turned) {
        return ImageOps.rotateQuadrant(upright, turned);
    }

    private static int needed(int turned) {
        return (360 - turned) % 360;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void textPageTurnedAnyWayIsPutUprightByGeometryAlone(int turned) {
        BufferedImage page = fedTurned(ImageOps.rotateSmall(TestPages.letter(18, 5), 1.5), turned);
        OrientationDetector.Orientation o = geometryOnly.detect(page);
        assertThat(o.clockwiseDegrees()).as(o.evidence()).isEqualTo(needed(turned));
        assertThat(o.uncertain()).as(o.evidence()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void labelOnlyPageTurnedAnyWay(int turned) {
        BufferedImage page = fedTurned(ImageOps.rotateSmall(TestPages.labelOnly(), -2.0), turned);
        OrientationDetector.Orientation o = withOcr.detect(page);
        assertThat(o.clockwiseDegrees()).as(o.evidence()).isEqualTo(needed(turned));
        assertThat(withOcr.detectClockwiseRotation(page)).isEqualTo(needed(turned));
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void noisySkewedPageTurnedAnyWay(int turned) {
        BufferedImage upright = TestPages.noisy(ImageOps.rotateSmall(TestPages.letter(10, 9), -4.3), 2, 0.02, 15);
        OrientationDetector.Orientation o = withOcr.detect(fedTurned(upright, turned));
        assertThat(o.clockwiseDegrees()).as(o.evidence()).isEqualTo(needed(turned));
    }

    @Test
    void aFewLinesOfHandwritingLikeTextUpsideDown() {
        BufferedImage page = TestPages.paper();
        TestPages.handwriting(page, "Patient seen on the ward, no further action needed.", 300, 700, 60, 40);
        TestPages.handwriting(page, "Discharge letter to follow by post to the GP.", 300, 800, 60, 40);
        OrientationDetector.Orientation o = withOcr.detect(fedTurned(page, 180));
        assertThat(o.clockwiseDegrees()).as(o.evidence()).isEqualTo(180);
    }

    @Test
    void blankPageIsLeftAsItIsAndFlaggedUncertain() {
        BufferedImage page = TestPages.paper();
        TestPages.dust(page, 2, 20);
        OrientationDetector.Orientation o = withOcr.detect(page);
        assertThat(o.clockwiseDegrees()).isZero();
        assertThat(o.uncertain()).isTrue();
    }
}
