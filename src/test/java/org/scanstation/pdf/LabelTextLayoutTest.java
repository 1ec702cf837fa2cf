package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.OcrWord;

/** A label's text, read on its own, laid over the label's print on the page. */
class LabelTextLayoutTest {

    static final String[] LINES = {"SMITH, Daniel", "DOB: 07-Apr-1953 Sex: M", "NHS No: 999 991 0602", "Hosp No: K4715162"};

    /** A 300 dpi page with a ruled label box: barcode bars on top, then {@link #LINES}; where each word was drawn. */
    record Label(BufferedImage page, Rectangle box, List<Map.Entry<String, Rectangle>> words) {
    }

    static Label label(int paper, double noise) {
        BufferedImage page = new BufferedImage(2480, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Rectangle box = new Rectangle(1200, 200, 900, 520);
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(4));
        g.drawRect(box.x, box.y, box.width, box.height);
        Random r = new Random(3);
        for (int x = box.x + 40; x < box.x + 700; x += 6 + r.nextInt(10)) {
            g.fillRect(x, box.y + 30, 3 + r.nextInt(6), 120);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 46));
        FontMetrics fm = g.getFontMetrics();
        List<Map.Entry<String, Rectangle>> words = new ArrayList<>();
        int baseline = box.y + 230;
        for (String line : LINES) {
            int x = box.x + 40;
            for (String word : line.split(" ")) {
                g.drawString(word, x, baseline);
                words.add(Map.entry(word, new Rectangle(x, baseline - fm.getAscent(), fm.stringWidth(word), fm.getAscent() + fm.getDescent())));
                x += fm.stringWidth(word + " ");
            }
            baseline += 80;
        }
        g.dispose();
        if (noise > 0) {
            var raster = page.getRaster();
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    raster.setSample(x, y, 0, Math.max(0, Math.min(255, raster.getSample(x, y, 0) + (int) (r.nextGaussian() * noise))));
                }
            }
        }
        return new Label(page, box, words);
    }

    @Test
    void eachWordGoesOnItsOwnPrint() {
        for (Label label : List.of(label(255, 0), label(205, 10))) {
            List<OcrWord> placed = LabelTextLayout.place(label.page(), label.box(), String.join("\n", LINES), 90f);
            assertThat(placed).extracting(OcrWord::text).containsExactlyElementsOf(label.words().stream().map(Map.Entry::getKey).toList());
            for (int i = 0; i < placed.size(); i++) {
                OcrWord w = placed.get(i);
                Rectangle drawn = label.words().get(i).getValue();
                Rectangle overlap = w.box().intersection(drawn);
                assertThat(overlap.isEmpty()).as(w.text()).isFalse();
                assertThat((double) overlap.width / Math.min(w.box().width, drawn.width)).as(w.text()).isGreaterThan(0.8);
                assertThat(drawn.contains(w.box().getCenterX(), w.box().getCenterY())).as(w.text()).isTrue();
            }
        }
    }

    @Test
    void textThatDoesNotMatchThePrintIsStillAllThereInsideTheRegionInItsOrder() {
        Label label = label(255, 0);
        String text = "SMITH, Daniel DOB: 07-Apr-1953\nSex: M\nNHS No: 999 991 0602\nHosp No:\nK4715162";
        List<OcrWord> placed = LabelTextLayout.place(label.page(), label.box(), text, 90f);
        assertThat(placed).extracting(OcrWord::text).containsExactly(text.split("\\s+"));
        Rectangle region = new Rectangle(label.box());
        region.grow(1, 1);
        for (OcrWord w : placed) {
            assertThat(region.contains(w.box())).as(w.text()).isTrue();
        }
        List<Integer> tops = new ArrayList<>();
        placed.forEach(w -> tops.add(w.box().y));
        assertThat(tops).isSorted();
    }

    @Test
    void theLabelsTextFollowsThePageTextReadOutsideIt() {
        Label label = label(255, 0);
        LabelReading reading = new LabelReading(label.box(), String.join("\n", LINES), "SMITH", "Daniel",
                LocalDate.of(1953, 4, 7), "9999910602", "K4715162", 92f);
        OcrText outside = new OcrText("Dear Dr Jones\n", List.of(new OcrWord("Dear", 95f, new Rectangle(100, 900, 80, 40)),
                new OcrWord("Dr", 95f, new Rectangle(200, 900, 40, 40)), new OcrWord("Jones", 95f, new Rectangle(260, 900, 100, 40))), 95f);
        OcrText all = LabelTextLayout.withLabels(outside, label.page(), 300, List.of(reading));
        assertThat(all.words()).extracting(OcrWord::text).startsWith("Dear", "Dr", "Jones").contains("0602", "K4715162");
        assertThat(all.text()).contains("Dear Dr Jones", "NHS No: 999 991 0602");
        Rectangle area = LabelTextLayout.readArea(reading, 300);
        assertThat(area.contains(label.box())).isTrue();
        assertThat(area.width - label.box().width).isBetween(20, 30);
    }
}
