package org.scanstation.scan;

import java.time.Instant;

/**
 * Where and how a page was scanned, for the audit trail.
 *
 * @param deviceUri  the device the page came from
 * @param driver     the driver's id
 * @param options    the options the scan was asked for
 * @param scannedAt  when the page arrived
 * @param pageNumber 1-based position of the page in this scan
 * @param source     for pages read from files (folder, hot folder, demo, eSCL document): the file
 *                   name, with {@code #N} for a page of a multi-page file; otherwise {@code null}
 */
public record ScanMetadata(String deviceUri, String driver, ScanOptions options, Instant scannedAt,
                           int pageNumber, String source) {
}
