package org.scanstation.scan;

/** What a scan reports to its caller, in order, on the caller's thread. */
public sealed interface ScanEvent {

    /** A page arrived. */
    record PageScanned(ScannedImage page) implements ScanEvent {
    }

    /**
     * An input was seen but is not a page (e.g. a file in a hot folder that is not an image). The scan
     * goes on; the clerk should be told.
     *
     * @param source the file or item name
     * @param reason a readable reason
     */
    record InputRejected(String source, String reason) implements ScanEvent {
    }

    /**
     * A remark from the driver that does not stop the scan, e.g. "The scanner does not offer 250 dpi:
     * scanning at 200 dpi." Reported to the clerk and kept in the scan's record.
     */
    record Notice(String text) implements ScanEvent {
    }
}
