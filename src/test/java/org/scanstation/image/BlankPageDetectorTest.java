package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlankPageDetectorTest {

    private final BlankPageDetector detector = new BlankPageDetector();

    private BlankVerdict assess(BufferedImage page) {
        return detector.assess(page, 300);
    }

    @Test
    void emptyPaperIsBlank() {
        BlankVerdict v = assess(TestPages.paper());
        assertThat(v.blank()).isTrue();
        assertThat(v.inkRatio()).isZero();
    }

    @Test
    void dustSpecksShowThroughPunchHolesAndBordersStillBlank() throws Exception {
        BufferedImage page = TestPages.paper();
        TestPages.showThrough(page, 42);
        TestPages.dust(page, 9, 60);
        TestPages.punchHoles(page);
        TestPages.borders(page);
        BufferedImage scanned = TestPages.jpeg(TestPages.noisy(page, 3, 0.0002, 4), 0.6f);
        BlankVerdict v = assess(scanned);
        assertThat(v.blank()).as(v.reason()).isTrue();
        assertThat(v.reason()).contains("punch holes");
    }

    @Test
    void heavyScannerNoiseAloneIsBlankButAWordInItIsNot() throws Exception {
        BufferedImage noise = TestPages.jpeg(TestPages.noisy(TestPages.paper(), 7, 0.03, 20), 0.5f);
        BlankVerdict v = assess(noise);
        assertThat(v.blank()).as(v.reason()).isTrue();

        BufferedImage word = TestPages.paper();
        TestPages.handwriting(word, "seen", 900, 1600, 50, 60);
        assertThat(assess(TestPages.jpeg(TestPages.noisy(word, 7, 0.03, 20), 0.5f)).blank()).isFalse();
    }

    @Test
    void theShadowOfTheSheetEdgeIsNotContentButARuledLineInTheMiddleIs() {
        BufferedImage page = TestPages.paper();
        java.awt.Graphics2D g = TestPages.pen(page, java.awt.Color.DARK_GRAY);
        g.fillRect(25, 60, 6, TestPages.H - 120); // 2 mm from the left edge, not touching it
        g.fillRect(60, TestPages.H - 40, TestPages.W - 120, 5);
        g.dispose();
        BlankVerdict v = assess(page);
        assertThat(v.blank()).as(v.reason()).isTrue();

        java.awt.Graphics2D pen = TestPages.pen(page, java.awt.Color.DARK_GRAY);
        pen.fillRect(600, 1800, 1200, 5); // a line drawn across the page
        pen.dispose();
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void aSingleShortHandwrittenLineIsContent() {
        BufferedImage page = TestPages.paper();
        TestPages.dust(page, 4, 40);
        TestPages.handwriting(page, "seen - ok", 900, 1600, 50, 60);
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void faintPencilInitialsAreContent() {
        BufferedImage page = TestPages.paper();
        TestPages.handwriting(page, "JK", 1800, 3100, 45, 150);
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void aSignatureAloneIsContent() {
        BufferedImage page = TestPages.paper();
        TestPages.signature(page, 1500, 2900, 400, 8);
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void oneSmallLabelIsContent() {
        assertThat(assess(TestPages.labelOnly()).blank()).isFalse();
    }

    @Test
    void aFewSmallPrintedWordsAreContent() {
        BufferedImage page = TestPages.paper();
        java.awt.Graphics2D g = TestPages.pen(page, java.awt.Color.DARK_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 28)); // 7 pt
        g.drawString("no change", 300, 3300);
        g.dispose();
        TestPages.punchHoles(page);
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void aWordNearThePunchHolesIsStillContent() {
        BufferedImage page = TestPages.paper();
        TestPages.punchHoles(page);
        TestPages.handwriting(page, "o.k.", 60, 600, 48, 40);
        assertThat(assess(page).blank()).isFalse();
    }

    @Test
    void aFullLetterIsContentWithItsInkMeasured() {
        BlankVerdict v = assess(TestPages.letter(20, 1));
        assertThat(v.blank()).isFalse();
        assertThat(v.inkRatio()).isGreaterThan(0.005);
    }
}
