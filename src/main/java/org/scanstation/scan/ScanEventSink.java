package org.scanstation.scan;

/** Receives a scan's events, one at a time, in scan order. */
@FunctionalInterface
public interface ScanEventSink {

    void accept(ScanEvent event);
}
