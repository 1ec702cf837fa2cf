package org.scanstation.scan.driver;

import java.awt.image.BufferedImage;

/** Where a driver delivers what it scans. Called from the driver's thread. */
public interface DriverSink {

    /**
     * A complete page. Blocks while the consumer is behind (so pages are streamed, never piled up).
     *
     * @param source file name for pages read from files ({@code name#N} for multi-page files), else null
     */
    void page(BufferedImage image, int dpi, String source) throws InterruptedException;

    /** An input that is not a page (e.g. a file that is not an image); the scan goes on. */
    void rejected(String source, String reason) throws InterruptedException;

    /**
     * Something the clerk or IT should know about this scan that does not stop it, e.g. a setting the
     * scanner refused and what it does instead. Drivers without such remarks never call it.
     */
    default void notice(String text) throws InterruptedException {
    }

    /** Signals progress (data arriving, a folder polled): resets the watchdog's page time-out. */
    void alive();
}
