/**
 * Barcodes on scanned pages: reading ({@link org.scanstation.barcode.ZxingBarcodeReader}),
 * separator sheets ({@link org.scanstation.barcode.SeparatorRule}) and the identifiers a label
 * barcode carries ({@link org.scanstation.barcode.BarcodePayload}).
 *
 * <p>How a page is read: the page is reduced (2x, 4x, 8x) and cut into small blocks; blocks with
 * many parallel black/white transitions ("bars") or dense two-way texture ("matrix") are grouped
 * into candidate regions; each candidate crop is decoded by the ZXing readers for its texture,
 * first cheaply, then with a 3x3 median, the other binariser, a 2x enlargement for small 2D
 * modules, a reduced copy for huge bars, and a copy turned upright for crooked labels (1D by the
 * dominant gradient, 2D by the grid angle), all
 * under a fixed work budget per page. Code 39 and ITF (no mandatory check digit) are only
 * reported when several scan lines agree. Kodak patch code T is found separately from its bar
 * geometry. Nothing here is tuned to one corpus: the thresholds are in millimetres or relative.
 */
package org.scanstation.barcode;
