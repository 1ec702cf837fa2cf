package org.scanstation.samples;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import com.google.zxing.pdf417.PDF417Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.EnumMap;
import java.util.Map;
import org.scanstation.samples.LabelLayout.Symbology;

/**
 * Encodes a payload with ZXing's writers and paints it module by module at an exact pixel size, as
 * a label printer would.
 */
final class BarcodePainter {

    private final BitMatrix matrix;
    private final int modulePx;
    private final int barHeightPx;
    private final boolean linear;

    private BarcodePainter(BitMatrix matrix, int modulePx, int barHeightPx, boolean linear) {
        this.matrix = matrix;
        this.modulePx = modulePx;
        this.barHeightPx = barHeightPx;
        this.linear = linear;
    }

    /**
     * Prepares a barcode.
     *
     * @param dpi page resolution: modules are 0.25 mm (linear), 0.3 mm (PDF417), 0.6 mm (QR) or 0.75 mm (DataMatrix), in whole pixels
     */
    static BarcodePainter of(Symbology symbology, String payload, int dpi, boolean gs1) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 0);
            double pxPerMm = dpi / 25.4;
            int linearModule = Math.max(2, (int) Math.round(0.254 * pxPerMm));
            int dataMatrixModule = Math.max(3, (int) Math.round(0.75 * pxPerMm));
            int qrModule = Math.max(3, (int) Math.round(0.6 * pxPerMm));
            int pdf417Module = Math.max(3, (int) Math.round(0.4 * pxPerMm));
            switch (symbology) {
                case CODE_128:
                    return new BarcodePainter(new Code128Writer().encode(payload, BarcodeFormat.CODE_128, 0, 0, hints),
                            linearModule, (int) Math.round(9 * pxPerMm), true);
                case CODE_39:
                    return new BarcodePainter(new Code39Writer().encode(payload, BarcodeFormat.CODE_39, 0, 0, hints),
                            linearModule, (int) Math.round(9 * pxPerMm), true);
                case DATA_MATRIX:
                    hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
                    if (gs1) {
                        hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
                        hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
                    }
                    return new BarcodePainter(new DataMatrixWriter().encode(payload, BarcodeFormat.DATA_MATRIX, 0, 0, hints),
                            dataMatrixModule, 0, false);
                case QR_CODE:
                    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
                    return new BarcodePainter(new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints),
                            qrModule, 0, false);
                case PDF_417:
                    hints.put(EncodeHintType.ERROR_CORRECTION, 2);
                    hints.put(EncodeHintType.PDF417_COMPACT, Boolean.FALSE);
                    BitMatrix m = new PDF417Writer().encode(payload, BarcodeFormat.PDF_417, 0, 0, hints);
                    // PDF417Writer already makes rows several modules high; draw 1 x 1 modules scaled
                    return new BarcodePainter(m, pdf417Module, 0, false);
                default:
                    throw new IllegalArgumentException("no barcode for " + symbology);
            }
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + payload + "' as " + symbology + ": " + e.getMessage(), e);
        }
    }

    int width() {
        return matrix.getWidth() * modulePx;
    }

    int height() {
        return linear ? barHeightPx : matrix.getHeight() * modulePx;
    }

    /** Quiet zone needed around the symbol, in pixels. */
    int quietZone() {
        return linear ? 10 * modulePx : 2 * modulePx;
    }

    void paint(Graphics2D g, int x, int y) {
        g.setColor(Color.BLACK);
        if (linear) {
            int row = matrix.getHeight() / 2;
            for (int c = 0; c < matrix.getWidth(); c++) {
                if (matrix.get(c, row)) {
                    int start = c;
                    while (c + 1 < matrix.getWidth() && matrix.get(c + 1, row)) {
                        c++;
                    }
                    g.fillRect(x + start * modulePx, y, (c - start + 1) * modulePx, barHeightPx);
                }
            }
            return;
        }
        for (int r = 0; r < matrix.getHeight(); r++) {
            for (int c = 0; c < matrix.getWidth(); c++) {
                if (matrix.get(c, r)) {
                    g.fillRect(x + c * modulePx, y + r * modulePx, modulePx, modulePx);
                }
            }
        }
    }
}
