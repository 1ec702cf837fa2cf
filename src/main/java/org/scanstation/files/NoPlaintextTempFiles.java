package org.scanstation.files;

import javax.imageio.ImageIO;

/**
 * Keeps patient data out of the system's temporary folder ({@code java.io.tmpdir}), which other
 * users and backups may read and where a crash leaves files behind for good.
 *
 * <p>ImageIO caches streams it reads or writes in {@code imageio*.tmp} files there by default: a
 * decoded page, a JPEG encoded for a PDF, an image handed to Tesseract. {@link #apply()} switches that
 * cache to memory. It is called at the start of every entry point (command line, window) and, so the
 * core is safe when used as a library, by every class of the station that uses ImageIO, PDFBox image
 * codecs or Tesseract, before its first use. The other temporary files the station used to make are
 * gone (eSCL PDFs and station PDFs are read and built in memory) or live beside their result in the
 * output folder (PDFBox's scratch file while an export's PDF is built). See docs/adr/0011-trust-model.md.
 */
public final class NoPlaintextTempFiles {

    private static volatile boolean applied;

    private NoPlaintextTempFiles() {
    }

    /** Idempotent and cheap after the first call. */
    public static void apply() {
        if (!applied) {
            ImageIO.setUseCache(false);
            applied = true;
        }
    }
}
