package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;

/** The one way a whole page is read, for the analysis and the PDF text layer alike (real Tesseract). */
class PageTextReaderTest {

    static final String[] BODY = {"The wound has healed satisfactorily and the patient", "was advised to continue with the current regimen",
        "Renal function remains stable after the operation"};

    static TesseractOcrEngine engine;

    @BeforeAll
    static void engine() throws OcrException {
        engine = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.PAGE);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** An A4 letter at {@code dpi}: a label (barcode bars and an NHS number) top left, {@link #BODY} below it. */
    static BufferedImage letter(int dpi, int paper, int ink, double noise, Rectangle[] labelOut, Rectangle[] firstWordOut) {
        BufferedImage page = new BufferedImage((int) (8.27 * dpi), (int) (11.69 * dpi), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double px = dpi / 300.0;
        Rectangle label = new Rectangle((int) (150 * px), (int) (250 * px), (int) (1000 * px), (int) (420 * px));
        g.setColor(new Color(25, 25, 25));
        Random r = new Random(5);
        for (int x = label.x + 20; x < label.x + label.width * 3 / 4; x += (int) ((8 + r.nextInt(12)) * px)) {
            g.fillRect(x, label.y + 20, (int) ((3 + r.nextInt(7)) * px), (int) (150 * px));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (46 * px)));
        g.drawString("NHS No: 999 991 0602", label.x + 20, label.y + (int) (260 * px));
        g.drawString("Hosp No: K4715162", label.x + 20, label.y + (int) (340 * px));
        g.setColor(new Color(ink, ink, ink));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, (int) (46 * px)));
        FontMetrics fm = g.getFontMetrics();
        int y = (int) (900 * px);
        for (String line : BODY) {
            g.drawString(line, (int) (150 * px), y);
            y += (int) (90 * px);
        }
        String first = BODY[0].split(" ")[0];
        firstWordOut[0] = new Rectangle((int) (150 * px), (int) (900 * px) - fm.getAscent(), fm.stringWidth(first), fm.getAscent());
        g.dispose();
        labelOut[0] = label;
        if (noise > 0) {
            var raster = page.getRaster();
            for (int yy = 0; yy < page.getHeight(); yy++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int v = raster.getSample(x, yy, 0) + (int) Math.round(r.nextGaussian() * noise);
                    raster.setSample(x, yy, 0, Math.max(0, Math.min(255, v)));
                }
            }
        }
        return page;
    }

    @Test
    void scansOf250DpiAndMoreAreReadAtHalfResolution() {
        assertThat(PageTextReader.downscaleFactor(300)).isEqualTo(2);
        assertThat(PageTextReader.downscaleFactor(600)).isEqualTo(2);
        assertThat(PageTextReader.downscaleFactor(200)).isEqualTo(1);
        assertThat(PageTextReader.downscaleFactor(0)).isEqualTo(1);
    }

    @Test
    void wordBoxesAreInThePagesOwnPixelsWhateverResolutionItWasReadAt() throws Exception {
        Rectangle[] label = new Rectangle[1];
        Rectangle[] first = new Rectangle[1];
        BufferedImage page = letter(300, 255, 0, 0, label, first);
        OcrText text = PageTextReader.read(engine, page, 300);
        assertThat(text.text()).contains("999 991 0602").contains("healed satisfactorily");
        OcrWord word = text.words().stream().filter(w -> w.text().equals(BODY[0].split(" ")[0])).findFirst().orElseThrow();
        Rectangle overlap = word.box().intersection(first[0]);
        assertThat(overlap.isEmpty()).isFalse();
        assertThat((double) overlap.width / first[0].width).isGreaterThan(0.8);
    }

    @Test
    void areasReadOtherwiseAreLeftOutAndTheRestIsRead() throws Exception {
        Rectangle[] label = new Rectangle[1];
        BufferedImage page = letter(300, 255, 0, 0, label, new Rectangle[1]);
        OcrText text = PageTextReader.read(engine, page, 300, List.of(label[0]));
        assertThat(text.text()).doesNotContain("0602").doesNotContain("K4715162").contains("healed satisfactorily");
        assertThat(page.getRaster().getSample(label[0].x + 21, label[0].y + 60, 0)).as("the caller's page is untouched")
                .isLessThan(100);
    }

    @Test
    void faintPrintOnGreyPaperIsStillReadWhenTheLabelIsLeftOut() throws Exception {
        // grey, noisy paper whose straightened scan has white corners: without the label's barcode, Tesseract's own
        // threshold falls between the white corners and the paper, and it reads nothing
        Rectangle[] label = new Rectangle[1];
        BufferedImage straight = letter(200, 207, 120, 12, label, new Rectangle[1]);
        List<Transform> scannedThenStraightened = List.of(new Transform.Deskew(-3.8), new Transform.Deskew(3.8));
        BufferedImage page = ImageOps.render(straight, scannedThenStraightened);
        Rectangle labelOnPage = ImageOps.mapToUpright(label[0], straight.getWidth(), straight.getHeight(), scannedThenStraightened);
        OcrText text = PageTextReader.read(engine, page, 200, List.of(labelOnPage));
        assertThat(text.text()).contains("healed").contains("regimen").doesNotContain("0602");
    }
}
