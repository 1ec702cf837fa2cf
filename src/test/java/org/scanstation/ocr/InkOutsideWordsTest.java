package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which print a reading of a page did not account for, on a 200-dpi page drawn here: lines of text whose
 * words the "reading" lists, and print it does not list.
 */
class InkOutsideWordsTest {

    static final int DPI = 200;

    private final BufferedImage page = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
    private final List<OcrWord> words = new ArrayList<>();

    InkOutsideWordsTest() {
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
    }

    /** Prints a line of text and lists its words as read, with the given confidence. */
    private Rectangle printRead(String line, int x, int y, float confidence) {
        Rectangle all = print(line, x, y);
        Graphics2D g = graphics();
        int cursor = x;
        for (String w : line.split(" ")) {
            int width = g.getFontMetrics().stringWidth(w);
            words.add(new OcrWord(w, confidence, new Rectangle(cursor, all.y, width, all.height)));
            cursor += width + g.getFontMetrics().stringWidth(" ");
        }
        g.dispose();
        return all;
    }

    /** Prints a line of text; returns its box. */
    private Rectangle print(String line, int x, int y) {
        Graphics2D g = graphics();
        g.drawString(line, x, y);
        var m = g.getFontMetrics();
        Rectangle box = new Rectangle(x, y - m.getAscent(), m.stringWidth(line), m.getAscent() + m.getDescent());
        g.dispose();
        return box;
    }

    private Graphics2D graphics() {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30)); // about 11 pt at 200 dpi
        return g;
    }

    private void letter() {
        for (int i = 0; i < 12; i++) {
            printRead("Thank you for seeing this patient in clinic today regarding", 160, 500 + i * 45, 91);
        }
    }

    @Test
    void aPageWhoseEveryLineWasReadLegiblyLeavesNothing() {
        letter();
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(page, DPI, words, List.of());
        assertThat(left.places()).isEmpty();
        assertThat(left.share()).isZero();
    }

    @Test
    void printTheReadingLeftOutIsFoundWhereItIs() {
        letter();
        Rectangle corner = print("NHS No: 943 476 5919", 1150, 2150);
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(page, DPI, words, List.of());
        assertThat(left.places()).hasSize(1);
        Rectangle place = left.places().get(0);
        assertThat(place.contains(corner)).as("%s holds %s", place, corner).isTrue();
        // a line and its margins, not the page
        assertThat(place.height).isLessThan(corner.height + 80);
        assertThat(left.share()).isLessThan(0.02);
    }

    @Test
    void wordsReadWithLowConfidenceAreLookedAtAgain() {
        letter();
        Rectangle doubtful = printRead("Re: Mr John SMITH 943 476 5919", 160, 300, 41);
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(page, DPI, words, List.of());
        assertThat(left.places()).anySatisfy(p -> assertThat(p.intersects(doubtful)).isTrue());
    }

    @Test
    void specksOfDustAreNotPrint() {
        letter();
        Graphics2D g = graphics();
        for (int i = 0; i < 40; i++) {
            g.fillRect(100 + i * 37, 1800 + (i % 5) * 60, 4, 4); // half a millimetre
        }
        g.dispose();
        assertThat(InkOutsideWords.find(page, DPI, words, List.of()).places()).isEmpty();
    }

    @Test
    void anAreaReadAnotherWayIsAccountedFor() {
        letter();
        Rectangle label = print("SMITH, John  NHS No: 943 476 5919", 160, 2100);
        label.grow(16, 16);
        assertThat(InkOutsideWords.find(page, DPI, words, List.of(label)).places()).isEmpty();
        assertThat(InkOutsideWords.find(page, DPI, words, List.of()).places()).hasSize(1);
    }

    @Test
    void aGreyNoisyScanIsCutIntoInkAndPaperAgainstItsOwnPaper() {
        letter();
        Rectangle corner = print("Hospital No: M7512102", 1150, 2150);
        byte[] px = ((java.awt.image.DataBufferByte) page.getRaster().getDataBuffer()).getData();
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xff;
            // grey paper (about 200) with grain, ink about 60
            int out = v > 128 ? 200 + (int) (rnd.nextGaussian() * 6) : 60 + (int) (rnd.nextGaussian() * 10);
            px[i] = (byte) Math.max(0, Math.min(255, out));
        }
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(page, DPI, words, List.of());
        assertThat(left.places()).hasSize(1);
        assertThat(left.places().get(0).contains(corner)).isTrue();
    }

    @Test
    void printAllOverThePageThatWasNotReadIsThePageAsAWhole() {
        for (int i = 0; i < 40; i++) {
            print("Thank you for seeing this patient in clinic today regarding", 160, 200 + i * 50);
        }
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(page, DPI, words, List.of());
        assertThat(left.share()).isGreaterThan(PageTextLook.WHOLE_PAGE_SHARE);
    }
}
