package org.scanstation.scan.driver.twain;

/** How pages come from the source: one handle per page (native), or strips into the station's buffer (memory). */
public enum TransferMode {
    /** A DIB (Windows) or TIFF (Linux) per page; the default. */
    NATIVE,
    /** Strip by strip into a buffer the station owns; the fallback when a source refuses native transfers. */
    MEMORY
}
