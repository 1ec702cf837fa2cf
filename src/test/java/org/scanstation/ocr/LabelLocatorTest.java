package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.SyntheticPages.BarcodeAt;
import org.scanstation.ocr.SyntheticPages.Code;
import org.scanstation.ocr.SyntheticPages.Label;

/** Where the locator says labels are, without any OCR. */
class LabelLocatorTest {

    private final LabelLocator locator = new LabelLocator();

    private static Label boxed(double x, double y, Code code) {
        return new Label(List.of("KING, William", "DOB: 01-Mar-2008", "NHS No: 999 618 5311", "Hosp No: R5142473"),
                Font.SANS_SERIF, true, 9, true, code, BarcodeAt.BOTTOM, "9996185311", x, y, 0);
    }

    @Test
    void findsAFaintRuledBoxWhereItWasDrawn() {
        SyntheticPages p = new SyntheticPages(300).letter(80, "Re: Sarah Brown DOB 05/09/1985").label(boxed(110, 22, Code.NONE));

        List<LabelLocator.LabelRegion> regions = locator.locate(p.image(6, 1), List.of());

        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(LabelLocator.Kind.RULED_BOX);
            assertThat(r.bounds().x).isCloseTo(p.px(110), org.assertj.core.data.Offset.offset(p.px(2)));
            assertThat(r.bounds().y).isCloseTo(p.px(22), org.assertj.core.data.Offset.offset(p.px(2)));
            assertThat(r.bounds().width).isCloseTo(p.px(82), org.assertj.core.data.Offset.offset(p.px(3)));
        });
    }

    @Test
    void findsAnUndecodedBarcodeByItsBarsAndGathersTheTextUnderIt() {
        Label unboxed = new Label(List.of("Name: Oliver MILLS", "Born 04/09/1964 (M)", "NHS No. 9991518150"),
                Font.SERIF, false, 9, false, Code.CODE_128, BarcodeAt.TOP, "9991518150", 20, 24, 0);
        SyntheticPages p = new SyntheticPages(300).letter(80, "Re: Oliver Mills").label(unboxed);

        List<LabelLocator.LabelRegion> regions = locator.locate(p.image(6, 2), List.of());

        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(LabelLocator.Kind.BESIDE_BARCODE);
            assertThat(r.barcodes()).singleElement().satisfies(b -> assertThat(b.intersects(p.barcodes().get(0))).isTrue());
            // the barcode and its three lines, not the letter below
            assertThat(r.bounds().y).isLessThan(p.px(28));
            assertThat(r.bounds().y + r.bounds().height).isBetween(p.px(45), p.px(60));
        });
    }

    @Test
    void findsALabelWhoseBarcodeIsTornAndSmudged() {
        Label unboxed = new Label(List.of("Name: Oliver MILLS", "Born 04/09/1964 (M)", "NHS No. 9991518150"),
                Font.SERIF, false, 9, false, Code.CODE_128, BarcodeAt.TOP, "9991518150", 120, 30, 0);
        SyntheticPages p = new SyntheticPages(300).letter(80, null).label(unboxed);
        BufferedImage page = p.image(6, 7);
        Rectangle bars = p.barcodes().get(0);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(bars.x + bars.width / 3, bars.y - 5, bars.width / 8, bars.height + 10); // torn out
        g.setColor(Color.DARK_GRAY);
        g.fillOval(bars.x + bars.width * 2 / 3, bars.y + bars.height / 4, bars.width / 6, bars.height / 2); // smudge
        g.dispose();

        List<LabelLocator.LabelRegion> regions = locator.locate(page, List.of());

        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(LabelLocator.Kind.BESIDE_BARCODE);
            assertThat(r.bounds().contains(new Rectangle(p.px(123), p.px(47), p.px(30), p.px(10)))).isTrue();
        });
    }

    @Test
    void aLetterWithLargeHeadingsAndNoLabelHasNoLabelRegion() {
        SyntheticPages p = new SyntheticPages(300).letter(90, "Re: William King  DOB 01/03/2008  NHS 999 618 5311");
        BufferedImage page = p.image(6, 3);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 110));
        g.drawString("ILLINGWORTH HILL MILL", p.px(20), p.px(50));
        g.dispose();

        assertThat(locator.locate(page, List.of())).isEmpty();
    }

    @Test
    void aBarcodeHintInsideARuledBoxBelongsToThatBox() {
        SyntheticPages p = new SyntheticPages(200).letter(80, null).label(boxed(20, 30, Code.CODE_128));

        List<LabelLocator.LabelRegion> regions = locator.locate(p.image(4, 4), p.barcodes());

        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(LabelLocator.Kind.RULED_BOX);
            assertThat(r.barcodes()).isNotEmpty();
        });
    }

    @Test
    void estimatesResolutionFromTheSizeOfAnA4Page() {
        assertThat(LabelLocator.estimateDpi(new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY))).isCloseTo(300, org.assertj.core.data.Offset.offset(2.0));
        assertThat(LabelLocator.estimateDpi(new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY))).isCloseTo(200, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void hintsOutsideThePageAreIgnored() {
        SyntheticPages p = new SyntheticPages(200).letter(80, null);
        assertThat(locator.locate(p.image(0, 5), List.of(new Rectangle(5000, 5000, 100, 40)))).isEmpty();
    }
}
