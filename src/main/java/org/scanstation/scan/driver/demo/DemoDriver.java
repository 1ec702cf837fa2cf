package org.scanstation.scan.driver.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;
import org.scanstation.scan.driver.folder.FolderDriverSupport;
import org.scanstation.scan.driver.folder.ImageFiles;
import org.scanstation.scan.driver.folder.PageImages;

/**
 * The demo scanner, {@code demo}: feeds the sample pages (every page file in the samples folder, in
 * name order) with a scanner's pacing, in the requested colour mode. Part of the product: the first
 * run and the UI work with it before a real scanner is set up. When the samples folder is missing
 * or empty it feeds a few generated pages instead, so it always works.
 */
public final class DemoDriver implements ScanDriver {

    public static final String SCHEME = "demo";
    public static final String URI = "demo";
    private static final int GENERATED_PAGES = 3;

    private final Path samples;
    private final Duration pacing;

    /**
     * @param samples folder with the sample pages
     * @param pacing  time per page (about 300 ms is a real document scanner; zero for tests)
     */
    public DemoDriver(Path samples, Duration pacing) {
        this.samples = samples;
        this.pacing = pacing;
    }

    /** The project's {@code samples/} folder (relative to the working directory), 300 ms per page. */
    public static DemoDriver withDefaults() {
        return new DemoDriver(Path.of("samples"), Duration.ofMillis(300));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<ScanDevice> listDevices() {
        String what = sampleFiles().isEmpty() ? "generated pages" : "sample pages from " + samples;
        return List.of(new ScanDevice(URI, "Demo scanner (" + what + ")", SCHEME));
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        return new ScanCapabilities(List.of(150, 200, 300), EnumSet.allOf(ColorMode.class), List.of(1, 8),
                EnumSet.of(PaperSource.FLATBED, PaperSource.ADF), List.of(PageSize.A4), 210, 297);
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        if (!device.rest().isEmpty()) {
            throw new ScanException(ScanError.INVALID_DEVICE, "The demo scanner is just 'demo', not '" + device + "'");
        }
        if (options.source() == PaperSource.DUPLEX) {
            throw new ScanException(ScanError.UNSUPPORTED_OPTION, "The demo scanner has no duplex feeder; use adf or flatbed.");
        }
        int limit = options.source() == PaperSource.FLATBED ? 1 : Integer.MAX_VALUE;
        int[] fed = {0};
        List<Path> files = sampleFiles();
        if (files.isEmpty()) {
            for (int i = 1; i <= Math.min(limit, GENERATED_PAGES) && !cancel.isCancelled(); i++) {
                pace(cancel, sink);
                sink.page(PageImages.toMode(generatedPage(i), options.mode()), 150, "demo-page-" + i);
            }
            return;
        }
        for (Path file : files) {
            if (cancel.isCancelled() || fed[0] >= limit) {
                return;
            }
            try {
                ImageFiles.readPages(file, (image, dpi, source) -> {
                    if (!cancel.isCancelled() && fed[0] < limit) {
                        pace(cancel, sink);
                        sink.page(PageImages.toMode(image, options.mode()), dpi, source);
                        fed[0]++;
                    }
                });
            } catch (ImageFiles.UnreadableFileException e) {
                sink.rejected(file.getFileName().toString(), e.getMessage());
            }
        }
    }

    private List<Path> sampleFiles() {
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        return FolderDriverSupport.filesInNameOrder(samples).stream().filter(ImageFiles::isPageFile).toList();
    }

    /** Waits one page's time, in small steps so a cancel is noticed at once. */
    private void pace(CancelToken cancel, DriverSink sink) throws InterruptedException {
        long end = System.nanoTime() + pacing.toNanos();
        while (!cancel.isCancelled() && System.nanoTime() < end) {
            sink.alive();
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    private static BufferedImage generatedPage(int number) {
        int dpi = 150;
        int w = (int) Math.round(210 / 25.4 * dpi);
        int h = (int) Math.round(297 / 25.4 * dpi);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(250, 249, 245));
            g.fillRect(0, 0, w, h);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
            g.drawString("ScanStation demo page " + number, 120, 200);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 22));
            for (int line = 0; line < 28; line++) {
                g.drawString("Sample text line " + (line + 1) + " of a demonstration page (no patient data).",
                        120, 300 + line * 50);
            }
        } finally {
            g.dispose();
        }
        return page;
    }
}
