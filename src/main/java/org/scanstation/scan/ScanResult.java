package org.scanstation.scan;

/**
 * How a scan that did not fail ended.
 *
 * @param pages     pages delivered
 * @param rejected  inputs reported as {@link ScanEvent.InputRejected}
 * @param cancelled true when the scan stopped because it was cancelled (pages so far were delivered)
 */
public record ScanResult(int pages, int rejected, boolean cancelled) {
}
