package org.scanstation.station;

/**
 * How far the open batch has come.
 *
 * @param scanning   true while the scanner is feeding
 * @param scanned    pages received from the scanner
 * @param analysed   pages analysed (barcodes, labels, matching)
 * @param ocrDone    pages whose text layer is done (counted when documents are exported)
 * @param ocrTotal   pages to OCR for the export
 * @param uploaded   documents uploaded in this session
 * @param toUpload   documents queued or uploaded in this session
 */
public record ScanProgress(boolean scanning, int scanned, int analysed, int ocrDone, int ocrTotal, int uploaded,
                           int toUpload) {

    public static final ScanProgress IDLE = new ScanProgress(false, 0, 0, 0, 0, 0, 0);
}
