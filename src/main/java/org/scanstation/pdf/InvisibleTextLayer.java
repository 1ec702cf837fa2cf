package org.scanstation.pdf;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.scanstation.ocr.OcrWord;

/**
 * Writes OCR words as invisible text (rendering mode "neither fill nor stroke") exactly over the
 * words in the page image, so that viewers can search and select them. Words are grouped into lines
 * so that a line shares one baseline and font size (text extraction then keeps lines together);
 * each word is stretched horizontally to span its box.
 */
final class InvisibleTextLayer {

    private final PDFont font;
    private final float ascent;
    private final float descent;

    InvisibleTextLayer(PDFont font) {
        this.font = font;
        var descriptor = font.getFontDescriptor();
        float a = descriptor == null ? 0 : descriptor.getAscent();
        float d = descriptor == null ? 0 : descriptor.getDescent();
        this.ascent = a > 0 ? a / 1000f : 0.8f;
        this.descent = d < 0 ? -d / 1000f : 0.2f;
    }

    /**
     * @param scale      PDF points per image pixel (72 / dpi)
     * @param pageHeight page height in points (PDF y runs upwards, image y downwards)
     */
    void draw(PDPageContentStream cs, List<OcrWord> words, float scale, float pageHeight) throws IOException {
        List<List<PlacedWord>> lines = lines(words);
        if (lines.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setRenderingMode(RenderingMode.NEITHER);
        for (List<PlacedWord> line : lines) {
            int top = Integer.MAX_VALUE;
            int bottom = Integer.MIN_VALUE;
            for (PlacedWord w : line) {
                top = Math.min(top, w.box.y);
                bottom = Math.max(bottom, w.box.y + w.box.height);
            }
            float fontSize = Math.max(1f, (bottom - top) * scale / (ascent + descent));
            float baseline = pageHeight - bottom * scale + descent * fontSize;
            cs.setFont(font, fontSize);
            for (int i = 0; i < line.size(); i++) {
                PlacedWord w = line.get(i);
                // a space after each word but the last makes extraction keep word boundaries
                String shown = i < line.size() - 1 ? w.text + " " : w.text;
                float natural = font.getStringWidth(w.text) / 1000f * fontSize;
                float target = Math.max(1, w.box.width) * scale;
                float stretch = natural <= 0 ? 100f : 100f * target / natural;
                cs.setHorizontalScaling(stretch);
                cs.setTextMatrix(Matrix.getTranslateInstance(w.box.x * scale, baseline));
                cs.showText(shown);
            }
        }
        cs.setHorizontalScaling(100f);
        cs.endText();
    }

    /** A word reduced to what the font can show, with its box. */
    private record PlacedWord(String text, Rectangle box) {
    }

    /**
     * Groups words (in OCR reading order) into lines: a word joins the current line when it lies to the
     * right of the previous word and its vertical centre falls within the line's height.
     */
    List<List<PlacedWord>> lines(List<OcrWord> words) {
        List<List<PlacedWord>> lines = new ArrayList<>();
        List<PlacedWord> current = null;
        int lineTop = 0;
        int lineBottom = 0;
        int lastRight = 0;
        for (OcrWord word : words) {
            Rectangle box = word.box();
            if (box == null || box.width <= 0 || box.height <= 0) {
                continue;
            }
            String text = showable(word.text());
            if (text.isEmpty()) {
                continue;
            }
            int centre = box.y + box.height / 2;
            boolean sameLine = current != null && centre >= lineTop && centre <= lineBottom
                    && box.x >= lastRight - box.height;
            if (!sameLine) {
                current = new ArrayList<>();
                lines.add(current);
                lineTop = box.y;
                lineBottom = box.y + box.height;
            } else {
                lineTop = Math.min(lineTop, box.y);
                lineBottom = Math.max(lineBottom, box.y + box.height);
            }
            current.add(new PlacedWord(text, box));
            lastRight = box.x + box.width;
        }
        return lines;
    }

    /** The word with control characters dropped and characters the font lacks replaced by '?'. */
    String showable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                return;
            }
            sb.appendCodePoint(hasGlyph(cp) ? cp : '?');
        });
        return sb.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
