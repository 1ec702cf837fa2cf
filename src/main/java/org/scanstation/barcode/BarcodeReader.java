package org.scanstation.barcode;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds every barcode on a page image, whatever its orientation. Implementations are thread-safe. */
public interface BarcodeReader {

    List<Barcode> read(BufferedImage page);
}
