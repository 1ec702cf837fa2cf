package org.scanstation.barcode;

import java.awt.Rectangle;

/**
 * One barcode found on a page.
 *
 * @param format ZXing's format name (CODE_128, CODE_39, DATA_MATRIX, QR_CODE, PDF_417, ITF), or
 *               PATCH_T for a patch code T sheet
 * @param text   decoded text
 * @param bounds where it is, in the coordinates of the image that was read (may be null)
 */
public record Barcode(String format, String text, Rectangle bounds) {
}
